package ru.eventbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import ru.eventbot.e2e.RunningBot;
import ru.eventbot.testsupport.telegram.FakeTelegram;

/** A handler that throws must cost the participant one apology, not the bot its intake. */
class FailingHandlerEndToEndTests {

    static FakeTelegram telegram;
    static RunningBot bot;

    @Configuration(proxyBeanMethods = false)
    static class HandlerThatThrows {

        @Bean
        @Order(HandlerOrder.COMMAND - 1)
        UpdateHandler explodingHandler() {
            return TextHandlers.containing("взорвись", (incoming, replies) -> {
                replies.send("message.received");
                throw new IllegalStateException("a handler bug, on purpose");
            });
        }
    }

    /** Throws an Error, not an exception, as a runaway regular expression would. */
    @Configuration(proxyBeanMethods = false)
    static class HandlerThatOverflows {

        @Bean
        @Order(HandlerOrder.COMMAND - 3)
        UpdateHandler overflowingHandler() {
            return TextHandlers.containing("бесконечно", (incoming, replies) -> {
                throw new StackOverflowError("a handler's recursion, on purpose");
            });
        }
    }

    /** Loses a race for a row twice (as when another lane creates the same participant), then succeeds. */
    @Configuration(proxyBeanMethods = false)
    static class HandlerThatMeetsAConflict {

        static final java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();

        @Bean
        @Order(HandlerOrder.COMMAND - 2)
        UpdateHandler conflictingHandler() {
            return TextHandlers.containing("гонка", (incoming, replies) -> {
                if (attempts.incrementAndGet() <= 2) {
                    throw new org.springframework.dao.DuplicateKeyException("another lane created the row first");
                }
                replies.send("message.received");
            });
        }
    }

    @BeforeAll
    static void start() {
        telegram = FakeTelegram.start();
        bot = RunningBot.start(telegram.baseUrl(), telegram.token(), Map.of(), HandlerThatThrows.class,
                HandlerThatMeetsAConflict.class, HandlerThatOverflows.class);
    }

    @AfterAll
    static void stop() {
        if (bot != null) bot.close();
        if (telegram != null) telegram.close();
    }

    @AfterEach
    void everyCallFollowedTheSpecification() {
        telegram.assertNoValidationErrors();
    }

    @Test
    void anUpdateThatLostARaceForARowIsHandledAgainAndAnsweredOnce() {
        // given
        var anna = telegram.user("Анна", "Гонкина");
        anna.sends("/start");
        anna.awaitMessages(2);
        // when: its batch fails on the conflict, and so does its first attempt alone
        var racing = anna.sends("Тут была гонка");
        // then
        assertThat(anna.awaitMessage().text()).contains("организаторы его прочитают");
        anna.noMoreMessagesWithin(java.time.Duration.ofMillis(500));
        assertThat(HandlerThatMeetsAConflict.attempts).hasValue(3);
        assertThat(bot.jdbc().queryForObject("select status from inbound_update where update_id = ?", String.class,
                racing.updateId())).isEqualTo("HANDLED");
        assertThat(bot.jdbc().queryForObject("select count(*) from conversation_message where update_id = ? "
                + "and direction = 'IN'", Integer.class, racing.updateId())).isEqualTo(1);
    }

    @Test
    void aThrowingHandlerGetsTheParticipantAnApologyAndIntakeGoesOn() {
        // given
        var ksenia = telegram.user("Ксения", "Садовская");
        ksenia.sends("/start");
        ksenia.awaitMessages(2);
        // when
        var bad = ksenia.sends("Пожалуйста, взорвись");
        ksenia.sends("Мероприятие прошло успешно!");
        // then
        assertThat(ksenia.awaitMessage().text()).contains("что-то пошло не так");
        assertThat(ksenia.awaitMessage().text()).contains("организаторы его прочитают");
        ksenia.noMoreMessagesWithin(java.time.Duration.ofMillis(500));
        var status = bot.jdbc().queryForObject("select status from inbound_update where update_id = ?", String.class,
                bad.updateId());
        assertThat(status).isEqualTo("FAILED");
        assertThat(bot.jdbc().queryForObject("select count(*) from inbound_update_payload where update_id = ?",
                Integer.class, bad.updateId())).as("a failed update keeps what Telegram sent").isEqualTo(1);
        var kept = bot.jdbc().queryForObject("select count(*) from conversation_message where update_id = ? "
                + "and direction = 'IN' and text = 'Пожалуйста, взорвись'", Integer.class, bad.updateId());
        assertThat(kept).isEqualTo(1);
    }

    @Test
    void aHandlerThrowingAnErrorCostsAnApologyAndTheLaneGoesOn() {
        // given
        var pavel = telegram.user("Павел", "Рекурсивный");
        pavel.sends("/start");
        pavel.awaitMessages(2);
        // when
        var bad = pavel.sends("Повторяй бесконечно");
        pavel.sends("Спасибо за мастер-класс!");
        // then: the same lane answers his next message
        assertThat(pavel.awaitMessage().text()).contains("что-то пошло не так");
        assertThat(pavel.awaitMessage().text()).contains("организаторы его прочитают");
        pavel.noMoreMessagesWithin(java.time.Duration.ofMillis(500));
        assertThat(bot.jdbc().queryForObject("select error from inbound_update where update_id = ? "
                + "and status = 'FAILED'", String.class, bad.updateId())).startsWith("java.lang.StackOverflowError");
    }

    @Test
    void aFailingUpdateInTheMiddleOfABatchFailsAloneAndTheOthersAreAnsweredOnce() {
        // given
        var participants = java.util.stream.IntStream.range(0, 5)
                .mapToObj(i -> telegram.user("Участник" + i, "Пакетный")).toList();
        // when: many updates at once, so lanes take them in batches, one of which throws
        for (var participant : participants) {
            participant.sends("Вопрос о материалах");
            participant.sends("взорвись");
            participant.sends("Спасибо!");
        }
        // then
        for (var participant : participants) {
            var replies = participant.awaitMessages(3);
            assertThat(replies.get(0).text()).contains("организаторы его прочитают");
            assertThat(replies.get(1).text()).contains("что-то пошло не так");
            assertThat(replies.get(2).text()).contains("организаторы его прочитают");
            participant.noMoreMessagesWithin(java.time.Duration.ofMillis(200));
        }
        await().until(() -> bot.jdbc().queryForObject(
                "select count(*) from inbound_update where status = 'RECEIVED'", Integer.class) == 0);
    }
}
