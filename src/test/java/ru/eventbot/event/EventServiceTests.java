package ru.eventbot.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.eventbot.PersistenceSliceConfiguration.START;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import ru.eventbot.MutableClock;
import ru.eventbot.PersistenceSliceConfiguration;

@DataJpaTest(showSql = false)
@Import(PersistenceSliceConfiguration.class)
@RecordApplicationEvents
class EventServiceTests {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Autowired
    EventService events;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationEvents published;

    @BeforeEach
    void resetClock() {
        clock.set(START);
    }

    @Test
    void keepsTalksInTheirOrderAndTheEventsOwnZone() {
        // when
        var event = events.create(details("Мастер-класс", at(10), at(12), "Технопарк",
                List.of(new TalkDetails("Люди в МФЦ", "Таисия Петрова", null),
                        new TalkDetails("Цифровые сервисы", "Ирина Ким", null))));
        // then
        var read = events.get(event.getId());
        assertThat(read.getTalks()).extracting(Talk::getSpeaker).containsExactly("Таисия Петрова", "Ирина Ким");
        assertThat(read.startsAtLocal().getZone()).isEqualTo(MOSCOW);
        assertThat(read.startsAtLocal().getHour()).isEqualTo(10);
    }

    @Test
    void tellsAttendeesOnlyWhenTheTimeOrThePlaceChanges() {
        // given
        var event = events.create(details("Форум", at(10), at(12), "Зал 1", List.of()));
        // when
        events.update(event.getId(), details("Форум инноваций", at(10), at(12), "Зал 1", List.of()));
        events.update(event.getId(), details("Форум инноваций", at(11), at(13), "Зал 2", List.of()));
        // then
        var changes = published.stream(EventChanged.class).toList();
        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.timeChanged()).isTrue();
            assertThat(change.venueChanged()).isTrue();
            assertThat(change.before().venue()).isEqualTo("Зал 1");
        });
    }

    @Test
    void attendingTogglesAndCountsEachParticipantOnce() {
        // given
        var id = events.create(details("Круглый стол", at(10), at(12), null, List.of())).getId();
        // when
        var first = events.toggleAttendance(id, 501);
        events.toggleAttendance(id, 502);
        var second = events.toggleAttendance(id, 501);
        // then
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(events.attendeeCount(id)).isEqualTo(1);
        assertThat(events.isAttending(id, 502)).isTrue();
        assertThatThrownBy(() -> events.toggleAttendance(999_999, 501)).isInstanceOf(EventNotFoundException.class);
    }

    @Test
    void listsUpcomingAndRecentEventsSoonestFirstAPageAtATime() {
        // given
        events.create(details("Давно прошло", START.atZone(MOSCOW).minusDays(60).toOffsetDateTime(),
                START.atZone(MOSCOW).minusDays(60).plusHours(2).toOffsetDateTime(), null, List.of()));
        for (int day = 7; day >= 1; day--) {
            var start = START.atZone(MOSCOW).plusDays(day).toOffsetDateTime();
            events.create(details("День " + day, start, start.plusHours(1), null, List.of()));
        }
        // when
        var first = events.current(0);
        var second = events.current(1);
        // then
        assertThat(first.events()).extracting(Event::getTitle).containsExactly("День 1", "День 2", "День 3", "День 4",
                "День 5");
        assertThat(first.pages()).isEqualTo(2);
        assertThat(second.events()).extracting(Event::getTitle).containsExactly("День 6", "День 7");
        assertThat(second.hasNext()).isFalse();
        assertThat(events.current(9).page()).as("a page past the end shows the last").isEqualTo(1);
    }

    @Test
    void refusesDetailsThatBreakTheRules() {
        assertThatThrownBy(() -> events.create(details("Наоборот", at(12), at(10), null, List.of())))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("endsAt must be after startsAt");
        assertThatThrownBy(() -> events.create(details("Д".repeat(201), at(10), at(12), null, List.of())))
                .hasMessageContaining("title is 201 characters");
        assertThatThrownBy(() -> events.create(details("Доклады", at(10), at(12), null,
                List.of(new TalkDetails(" ", "Кто-то", null))))).hasMessageContaining("talks[0].title");
        assertThatThrownBy(() -> events.create(details("Описание", at(10), at(12), "М".repeat(301), List.of())))
                .hasMessageContaining("venue is 301 characters");
    }

    private static OffsetDateTime at(int hour) {
        return OffsetDateTime.of(2026, 12, 10, hour, 0, 0, 0, ZoneOffset.ofHours(3));
    }

    private static EventDetails details(String title, OffsetDateTime start, OffsetDateTime end, String venue,
                                        List<TalkDetails> talks) {
        return new EventDetails(title, null, venue, start, end, MOSCOW, talks);
    }
}
