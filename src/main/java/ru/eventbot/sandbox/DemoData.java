package ru.eventbot.sandbox;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import ru.eventbot.event.Event;
import ru.eventbot.event.EventDetails;
import ru.eventbot.event.EventService;
import ru.eventbot.event.TalkDetails;
import ru.eventbot.material.MaterialService;
import ru.eventbot.material.NewMaterial;

/**
 * The story the bot comes from, as demo data, through the same services organisers use: the master class of the
 * Novosibirsk region's public-services centre at the "Интерра" innovation forum (23 September 2011), moved a week
 * ahead of the first sandbox start so that it is upcoming, with Таисия Петрова's talk and her slides (a small PDF).
 * Loaded once: nothing is added when an event of that title already exists, and the slides only when missing.
 */
@Component
@SandboxOnly
class DemoData implements ApplicationRunner {

    static final String TITLE = "Мастер-площадка: Внедрение инновационного технологического инструментария в сфере "
            + "предоставления государственных и муниципальных услуг";
    static final String SLIDES_TITLE = "Как работают люди в МФЦ";
    static final String SPEAKER = "Таисия Петрова";
    static final String SLIDES = "ru/eventbot/sandbox/taisia-petrova-people-at-the-mfc.pdf";
    private static final ZoneId NOVOSIBIRSK = ZoneId.of("Asia/Novosibirsk");
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final EventService events;
    private final MaterialService materials;
    private final Clock clock;

    DemoData(EventService events, MaterialService materials, Clock clock) {
        this.events = events;
        this.materials = materials;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        var eventId = events.all().stream().filter(existing -> existing.getTitle().equals(TITLE)).findFirst()
                .orElseGet(this::createEvent).getId();
        var event = events.get(eventId); // with its talks
        var hasSlides = materials.forEvent(event.getId()).stream()
                .anyMatch(material -> material.getTitle().equals(SLIDES_TITLE));
        if (!hasSlides) {
            var talk = event.getTalks().stream().filter(candidate -> SPEAKER.equals(candidate.getSpeaker()))
                    .findFirst().orElseThrow();
            materials.publish(new NewMaterial(event.getId(), talk.getId(), SLIDES_TITLE, SPEAKER,
                    "Слайды доклада на мастер-площадке: как работают люди в МФЦ.",
                    "taisia-petrova-people-at-the-mfc.pdf", new ClassPathResource(SLIDES)));
            log.info("Sandbox demo data: the slides of {} published for event {}", SPEAKER, event.getId());
        }
    }

    private Event createEvent() {
        var day = clock.instant().atZone(NOVOSIBIRSK).toLocalDate().plusDays(7);
        var starts = day.atTime(LocalTime.of(15, 0)).atZone(NOVOSIBIRSK).toOffsetDateTime();
        var event = events.create(new EventDetails(TITLE,
                "Мастер-класс МФЦ Новосибирской области на инновационном форуме «Интерра» (по мотивам встречи "
                        + "23 сентября 2011 года): межведомственное взаимодействие, изменения в законодательстве, "
                        + "принцип «одного окна», внедрение информационной системы МФЦ и ускорение оказания услуг. "
                        + "Представители МФЦ и компаний-разработчиков решают общие задачи вместе и обсуждают "
                        + "создание ассоциации МФЦ.",
                "МФЦ Новосибирской области", starts, starts.plusHours(2), NOVOSIBIRSK,
                List.of(new TalkDetails(SLIDES_TITLE, SPEAKER, starts),
                        new TalkDetails("Принцип «одного окна» и межведомственное взаимодействие", null,
                                starts.plusMinutes(45)))));
        log.info("Sandbox demo data: event {} created", event.getId());
        return event;
    }
}
