package ru.eventbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import ru.eventbot.e2e.RunningBot;
import ru.eventbot.testsupport.telegram.Fault;
import ru.eventbot.testsupport.telegram.FakeTelegram;

/**
 * A getUpdates answer is stored by the transactions that handle its updates, and its offset is confirmed to
 * Telegram only once they have all committed: until then Telegram keeps the update. A lane held up by Telegram
 * does not hold up the other chats: the poller stores what waits for it.
 */
class PolledIntakeEndToEndTests {

    static FakeTelegram telegram;
    static RunningBot bot;

    @Configuration(proxyBeanMethods = false)
    static class HandlerThatWaits {

        static final CountDownLatch entered = new CountDownLatch(1);
        static final CountDownLatch released = new CountDownLatch(1);

        @Bean
        @Order(HandlerOrder.COMMAND - 1)
        UpdateHandler waitingHandler() {
            return TextHandlers.containing("подождите", (incoming, replies) -> {
                entered.countDown();
                try {
                    released.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                replies.send("message.received");
            });
        }
    }

    @BeforeAll
    static void start() {
        telegram = FakeTelegram.start();
        bot = RunningBot.start(telegram.baseUrl(), telegram.token(), Map.of(), HandlerThatWaits.class);
    }

    @AfterAll
    static void stop() {
        HandlerThatWaits.released.countDown();
        if (bot != null) bot.close();
        if (telegram != null) telegram.close();
    }

    @AfterEach
    void everyCallFollowedTheSpecification() {
        telegram.assertNoValidationErrors();
    }

    @Test
    void anUpdateStaysWithTelegramUntilItsHandlingHasCommitted() throws InterruptedException {
        // given
        var taisia = telegram.user("Таисия", "Терпеливая");
        taisia.sends("/start");
        taisia.awaitMessages(2);
        await().until(() -> telegram.pendingUpdateCount() == 0);
        // when: her next message is being handled
        var slow = taisia.sends("Пожалуйста, подождите с ответом");
        assertThat(HandlerThatWaits.entered.await(10, TimeUnit.SECONDS)).isTrue();
        // then: it is neither stored nor confirmed, so a crash now would leave it with Telegram
        assertThat(telegram.pendingUpdateCount()).isEqualTo(1);
        assertThat(rowsOf(slow.updateId())).isZero();
        taisia.noMoreMessagesWithin(Duration.ofMillis(300));
        assertThat(telegram.pendingUpdateCount()).isEqualTo(1);
        // when: its handling commits
        HandlerThatWaits.released.countDown();
        // then: answered once, stored as handled, and only then confirmed
        assertThat(taisia.awaitMessage().text()).contains("организаторы его прочитают");
        await().until(() -> telegram.pendingUpdateCount() == 0);
        assertThat(bot.jdbc().queryForObject("select status from inbound_update where update_id = ?", String.class,
                slow.updateId())).isEqualTo("HANDLED");
        taisia.noMoreMessagesWithin(Duration.ofMillis(300));
    }

    @Test
    void aHandledUpdateKeepsItsConversationRowButNotTelegramsPayload() {
        // given
        var olga = telegram.user("Ольга", "Экономная");
        // when
        var sent = olga.sends("/start");
        olga.awaitMessages(2);
        // then: what it said is in the conversation; the raw update (names, usernames) is not kept
        await().until(() -> rowsOf(sent.updateId()) == 1);
        assertThat(bot.jdbc().queryForObject("select count(*) from conversation_message where update_id = ? "
                + "and direction = 'IN' and text = '/start'", Integer.class, sent.updateId())).isEqualTo(1);
        assertThat(bot.jdbc().queryForObject("select count(*) from inbound_update_payload where update_id = ?",
                Integer.class, sent.updateId())).isZero();
    }

    @Test
    void aLaneHeldUpByTelegramDoesNotHoldUpTheOtherLanesChats() {
        // given: two participants whose chats go to different lanes (the bot runs two)
        var anna = telegram.user(8_001, "Анна", "Благодарная");
        var boris = telegram.user(8_002, "Борис", "Восторженный");
        anna.sends("/start");
        anna.awaitMessages(2);
        boris.sends("/start");
        boris.awaitMessages(2);
        // when: Telegram takes 8 s to accept Anna's next reply, and she writes again meanwhile
        telegram.failNext("sendMessage", 1, Fault.delay(Duration.ofSeconds(8)));
        var thanks = anna.sends("Спасибо организаторам!");
        await().until(() -> "HANDLED".equals(statusOf(thanks.updateId())));
        var more = anna.sends("Было очень полезно");
        // then: her second message is stored while it waits for her lane, and the poll goes on
        await().atMost(Duration.ofSeconds(5)).until(() -> "RECEIVED".equals(statusOf(more.updateId())));
        // when: Boris writes in his chat
        boris.sends("Мероприятие удалось, проводите такие чаще!");
        // then: he is answered while Anna's lane still waits for Telegram
        assertThat(boris.awaitMessage(Duration.ofSeconds(5)).text()).contains("организаторы его прочитают");
        assertThat(anna.messages()).hasSize(2);
        // when: Telegram accepts the held reply
        // then: Anna gets an answer to each message, once, and both are handled
        assertThat(anna.awaitMessage(Duration.ofSeconds(30)).text()).contains("организаторы его прочитают");
        assertThat(anna.awaitMessage(Duration.ofSeconds(30)).text()).contains("организаторы его прочитают");
        await().until(() -> "HANDLED".equals(statusOf(more.updateId())));
        assertThat(repliesTo(thanks.updateId())).isEqualTo(1);
        assertThat(repliesTo(more.updateId())).isEqualTo(1);
        anna.noMoreMessagesWithin(Duration.ofMillis(500));
        boris.noMoreMessagesWithin(Duration.ofMillis(100));
    }

    private static int repliesTo(long updateId) {
        return bot.jdbc().queryForObject("select count(*) from conversation_message where update_id = ? "
                + "and direction = 'OUT'", Integer.class, updateId);
    }

    private static String statusOf(long updateId) {
        return bot.jdbc().queryForList("select status from inbound_update where update_id = ?", String.class, updateId)
                .stream().findFirst().orElse(null);
    }

    private static int rowsOf(long updateId) {
        return bot.jdbc().queryForObject("select count(*) from inbound_update where update_id = ?", Integer.class,
                updateId);
    }
}
