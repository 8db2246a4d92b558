package ru.eventbot.material;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import ru.eventbot.MutableClock;
import ru.eventbot.event.EventDetails;
import ru.eventbot.event.EventService;
import ru.eventbot.participant.Language;

/**
 * Whether a participant's next text is an e-mail address or a code, asked for every text they write: the answer
 * follows the dialogue within the transaction that moves it (a lane handles several updates of a chat in one).
 */
@DataJpaTest(showSql = false)
@Import({MaterialSliceConfiguration.class, MaterialMailService.class, AwaitedMailReplies.class})
@EnableConfigurationProperties(MaterialMailProperties.class)
class MaterialMailDialogueTests {

    private static final long OLGA = 42;

    @Autowired
    MaterialMailService mail;

    @Autowired
    AwaitedMailReplies awaited;

    @Autowired
    MaterialService materials;

    @Autowired
    EventService events;

    @Autowired
    MutableClock clock;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    ru.eventbot.fleet.Fleet fleet;

    @Test
    void theBotAwaitsAnAddressFromTheMomentItAsksUntilTheParticipantCancels() {
        var material = publishPresentation();
        assertThat(awaited.isAwaited(OLGA)).isFalse();

        assertThat(mail.request(OLGA, Language.RU, material)).isInstanceOf(MailStep.AskAddress.class);
        assertThat(awaited.isAwaited(OLGA)).isTrue();
        assertThat(awaited.isAwaited(OLGA + 1)).as("another participant").isFalse();

        assertThat(mail.reply(OLGA, Language.RU, "Отмена")).isInstanceOf(MailStep.Cancelled.class);
        assertThat(awaited.isAwaited(OLGA)).isFalse();
    }

    @Test
    void aQuestionLeftUnansweredForAnHourIsNoLongerAwaited() {
        mail.request(OLGA, Language.RU, publishPresentation());

        clock.advance(Duration.ofMinutes(59));
        assertThat(awaited.isAwaited(OLGA)).isTrue();
        clock.advance(Duration.ofMinutes(2));
        assertThat(awaited.isAwaited(OLGA)).isFalse();
    }

    @Test
    void anInstanceFindsTheDialoguesUnderWayBeforeItStarted() {
        // given: Olga was asked for her address before this instance started (a restart)
        mail.request(OLGA, Language.RU, publishPresentation());
        var restarted = new AwaitedMailReplies(jdbc, clock, fleet);
        // when / then
        assertThat(restarted.isAwaited(OLGA)).isTrue();
        assertThat(restarted.isAwaited(OLGA + 1)).as("another participant").isFalse();
    }

    private long publishPresentation() {
        var start = OffsetDateTime.parse("2026-12-10T15:00:00+03:00");
        var forum = events.create(new EventDetails("Форум инноваций", null, null, start, start.plusHours(2),
                ZoneId.of("Europe/Moscow"), List.of())).getId();
        return materials.publish(new NewMaterial(forum, null, "Как работают люди в МФЦ", "Таисия Петрова", null,
                "slides.pdf", new ByteArrayResource("%PDF-1.4 slides".getBytes(StandardCharsets.UTF_8)))).getId();
    }
}
