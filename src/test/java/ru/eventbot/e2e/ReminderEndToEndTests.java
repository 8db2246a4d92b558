package ru.eventbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.eventbot.testsupport.telegram.FakeTelegram;

/** Attendees are reminded before an event: once, even when the bot was down at that moment or restarts after. */
class ReminderEndToEndTests {

    FakeTelegram telegram;
    RunningBot bot;

    @BeforeEach
    void startTelegramAndTheBot() {
        telegram = FakeTelegram.start();
        bot = RunningBot.start(telegram.baseUrl(), telegram.token(), Map.of(
                "eventbot.broadcast.check-interval", "300ms",
                "eventbot.events.reminders", "2m"));
    }

    @AfterEach
    void stopEverything() {
        bot.close();
        telegram.assertNoValidationErrors();
        telegram.close();
    }

    @Test
    void aReminderMissedWhileTheBotWasDownGoesOutLateAndOnlyOnceAcrossRestarts() throws Exception {
        // given: an event whose 2-minute reminder is due 8 seconds from now, and a participant attending it
        var startsAt = OffsetDateTime.now(ZoneOffset.ofHours(3)).plusMinutes(2).plusSeconds(8);
        var created = bot.post("/api/v1/events", EventEndToEndTests.eventJson("Мастер-класс МФЦ",
                startsAt.toString(), startsAt.plusHours(2).toString()));
        var id = created.json().get("id").asLong();
        var ksenia = telegram.user("Ксения", "Садовская");
        ksenia.sends("/start event_" + id);
        ksenia.awaitMessages(3).get(2).pressButton("✅").awaitAnswer();
        var absent = telegram.user("Пётр", "Отсутствующий");
        absent.sends("/start");
        absent.awaitMessages(2);
        // when: the bot is down when the reminder is due, and starts again after that moment
        bot.stop();
        Thread.sleep(Duration.between(OffsetDateTime.now(), startsAt.minusMinutes(2)).toMillis() + 1_000);
        bot.start();
        // then
        var reminder = ksenia.awaitMessage(Duration.ofSeconds(15));
        assertThat(reminder.text()).contains("⏰").contains("Мастер-класс МФЦ");
        assertThat(reminder.buttonLabels()).anyMatch(label -> label.startsWith("👍"));
        // and: restarted once more, the bot does not remind again
        bot.restart();
        ksenia.noMoreMessagesWithin(Duration.ofSeconds(2));
        absent.noMoreMessagesWithin(Duration.ofMillis(100));
        assertThat(bot.jdbc().queryForObject("select count(*) from broadcast where kind = 'REMINDER'", Integer.class))
                .isEqualTo(1);
    }
}
