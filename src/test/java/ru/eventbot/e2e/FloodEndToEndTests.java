package ru.eventbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.eventbot.testsupport.telegram.FakeTelegram;

/** A participant who floods the bot is warned once and not answered for a while; nothing they wrote is lost. */
class FloodEndToEndTests {

    static FakeTelegram telegram;
    static RunningBot bot;

    @BeforeAll
    static void startTelegramAndTheBot() {
        telegram = FakeTelegram.start();
        bot = RunningBot.start(telegram.baseUrl(), telegram.token(), Map.of(
                "eventbot.flood.messages", "5", "eventbot.flood.period", "3s"));
    }

    @AfterAll
    static void stopEverything() {
        if (bot != null) bot.close();
        if (telegram != null) telegram.close();
    }

    @Test
    void moreThanTheAllowanceGetsOneWarningThenSilenceAndEverythingIsStored() {
        // given
        var spammer = telegram.user("Спам", "Спамович");
        // when: twelve messages at once, with an allowance of five in three seconds
        for (int i = 1; i <= 12; i++) {
            spammer.sends("Сообщение " + i);
        }
        // then: five answers and one warning
        var answers = spammer.awaitMessages(6);
        assertThat(answers.subList(0, 5)).allSatisfy(m -> assertThat(m.text()).contains("организаторы"));
        assertThat(answers.get(5).text()).contains("очень часто");
        spammer.noMoreMessagesWithin(Duration.ofSeconds(1));
        await().untilAsserted(() -> assertThat(bot.jdbc().queryForObject("select count(*) from conversation_message "
                + "where telegram_user_id = ? and direction = 'IN'", Integer.class, spammer.id())).isEqualTo(12));
        // and: once the allowance refills, they are answered again
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
        spammer.sends("А теперь?");
        assertThat(spammer.awaitMessage().text()).contains("организаторы");
        telegram.assertNoValidationErrors();
    }
}
