package ru.eventbot.e2e;

import ru.eventbot.testsupport.ScratchDirectories;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.eventbot.testsupport.telegram.FakeTelegram;
import ru.eventbot.testsupport.telegram.FakeUser;

/** Stopped, restarted or killed at any moment, the bot neither loses an update nor answers one twice. */
class RestartEndToEndTests {

    FakeTelegram telegram;

    @BeforeEach
    void startTelegram() {
        telegram = FakeTelegram.start();
    }

    @AfterEach
    void stopTelegram() {
        telegram.assertNoValidationErrors();
        telegram.close();
    }

    @Test
    void updatesSentWhileTheBotWasDownAreAllAnsweredOnceWhenItStarts() {
        // given
        var bot = RunningBot.start(telegram.baseUrl(), telegram.token());
        try {
            bot.stop();
            var participants = users(20);
            // when
            participants.forEach(p -> {
                p.sends("/start");
                p.sends("Когда будут материалы?");
            });
            bot.start();
            // then
            for (var participant : participants) {
                var replies = participant.awaitMessages(3);
                assertThat(replies.get(2).text()).contains("организаторы");
            }
            participants.forEach(p -> p.noMoreMessagesWithin(Duration.ofMillis(100)));
        } finally {
            bot.close();
        }
    }

    @Test
    void aGracefulStopInTheMiddleOfAStreamLosesAndRepeatsNothing() {
        // given
        var bot = RunningBot.start(telegram.baseUrl(), telegram.token());
        try {
            var participants = users(150);
            participants.forEach(p -> IntStream.range(0, 3).forEach(i -> p.sends("Сообщение " + i)));
            await().atMost(Duration.ofSeconds(60)).until(() -> telegram.messagesSentCount() >= 100);
            // when
            bot.stop();
            bot.start();
            // then
            for (var participant : participants) {
                participant.awaitMessages(3);
            }
            participants.forEach(p -> p.noMoreMessagesWithin(Duration.ofMillis(50)));
            assertThat(bot.jdbc().queryForObject("select count(*) from inbound_update where status = 'HANDLED'",
                    Integer.class)).isEqualTo(450);
        } finally {
            bot.close();
        }
    }

    @Test
    void killedWithSigkillTwiceMidStreamTheBotLosesNoUpdateAndSendsNoReplyTwice() throws Exception {
        // given
        var process = new BotProcess(telegram.baseUrl(), telegram.token(), ScratchDirectories.create("eventbot-kill"));
        var participants = users(200);
        var sent = new HashMap<Long, Integer>();
        try {
            process.start();
            // when: a wave of messages, killed while answering it
            sendWave(participants, sent, "Первая волна");
            await().atMost(Duration.ofSeconds(90)).until(() -> telegram.messagesSentCount() >= 120);
            process.kill();
            // a second wave arrives while the bot is dead, and it is killed again after restarting
            sendWave(participants, sent, "Вторая волна");
            var before = telegram.messagesSentCount();
            process.start();
            await().atMost(Duration.ofSeconds(90)).until(() -> telegram.messagesSentCount() >= before + 150);
            process.kill();
            process.start();
            var total = sent.values().stream().mapToInt(Integer::intValue).sum();
            awaitQuiet(total);
            var exitTime = process.terminate();
            // then
            assertThat(exitTime).isLessThan(Duration.ofSeconds(10));
            var stored = process.query(c -> count(c, "select count(*) from inbound_update"));
            var handled = process.query(c -> count(c, "select count(*) from inbound_update where status = 'HANDLED'"));
            assertThat(stored).as("every update stored once").isEqualTo(total);
            assertThat(handled).as("every update handled").isEqualTo(total);
            var uncertainTotal = process.query(c -> count(c,
                    "select count(*) from conversation_message where delivery_status = 'UNCERTAIN'"));
            // a lane with replies to one chat only sends them itself; others go through the 32 sender threads
            assertThat(uncertainTotal).as("only what was in flight at each kill (at most 32 senders + 8 lanes)")
                    .isLessThanOrEqualTo(2 * (32 + 8));
            for (var participant : participants) {
                var received = telegram.messagesTo(participant.chatId()).size();
                var uncertain = process.query(c -> count(c, "select count(*) from conversation_message "
                        + "where chat_id = " + participant.chatId() + " and delivery_status = 'UNCERTAIN'"));
                var expected = sent.get(participant.id());
                assertThat(received).as("replies to %s, never more than messages", participant).isLessThanOrEqualTo(expected);
                assertThat(received).as("replies to %s, missing only UNCERTAIN ones", participant)
                        .isGreaterThanOrEqualTo(expected - uncertain);
            }
        } finally {
            if (process.isAlive()) {
                process.kill();
            }
        }
    }

    /** Until Telegram has no update left to give and the bot sent nothing new for two seconds. */
    private void awaitQuiet(int expectedReplies) throws InterruptedException {
        var deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        var last = -1L;
        while (System.nanoTime() < deadline) {
            var now = telegram.messagesSentCount();
            if (telegram.pendingUpdateCount() == 0 && now == last && now >= expectedReplies - 2 * 32) {
                return;
            }
            last = now;
            Thread.sleep(2_000);
        }
        throw new AssertionError("The bot did not settle: sent " + last + " of " + expectedReplies);
    }

    private static int count(java.sql.Connection connection, String sql) throws java.sql.SQLException {
        try (var statement = connection.createStatement(); var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void sendWave(List<FakeUser> participants, Map<Long, Integer> sent, String text) {
        for (int i = 0; i < 2; i++) {
            for (var participant : participants) {
                participant.sends(text + " " + i);
                sent.merge(participant.id(), 1, Integer::sum);
            }
        }
    }

    private List<FakeUser> users(int count) {
        return IntStream.range(0, count).mapToObj(i -> telegram.user("Участник" + i, "Тестовый")).toList();
    }
}
