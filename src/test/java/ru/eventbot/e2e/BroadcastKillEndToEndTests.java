package ru.eventbot.e2e;

import ru.eventbot.testsupport.ScratchDirectories;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.eventbot.testsupport.telegram.FakeTelegram;
import ru.eventbot.testsupport.telegram.FakeUser;

/** Killed with SIGKILL in the middle of a broadcast, the bot resumes it: nobody gets the message twice. */
class BroadcastKillEndToEndTests {

    private static final String TEXT = "Приглашаем на мастер-класс МФЦ";

    FakeTelegram telegram;
    BotProcess process;
    int port;
    StartingBotApi api;

    @BeforeEach
    void startTelegram() throws IOException {
        telegram = FakeTelegram.start();
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        api = new StartingBotApi(port);
        process = new BotProcess(telegram.baseUrl(), telegram.token(), ScratchDirectories.create("eventbot-bkill"),
                "--server.port=" + port, "--eventbot.broadcast.rate=100");
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        if (process.isAlive()) {
            process.kill();
        }
        telegram.assertNoValidationErrors();
        telegram.close();
    }

    @Test
    void killedTwiceMidBroadcastItFinishesWithEveryoneGettingAtMostOneCopy() throws Exception {
        // given: 300 subscribers
        var participants = IntStream.range(0, 300).mapToObj(i -> telegram.user("Участник", "№" + i)).toList();
        process.start();
        participants.forEach(p -> p.sends("/start"));
        await().atMost(Duration.ofSeconds(120)).until(() -> telegram.messagesSentCount() >= 600);
        var before = telegram.messagesSentCount();
        // when: a broadcast starts, and the bot is killed twice while sending it
        var id = api.post("/api/v1/broadcasts", "{\"text\":\"" + TEXT + "\"}", 202);
        await().atMost(Duration.ofSeconds(60)).until(() -> telegram.messagesSentCount() >= before + 80);
        process.kill();
        process.start();
        await().atMost(Duration.ofSeconds(90)).until(() -> telegram.messagesSentCount() >= before + 180);
        process.kill();
        process.start();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.get("/api/v1/broadcasts/" + id).contains("\"status\":\"DONE\""));
        process.terminate();
        // then
        var states = new HashMap<Long, String>();
        process.query(connection -> {
            try (var rows = connection.createStatement().executeQuery(
                    "select telegram_user_id, status from broadcast_delivery where broadcast_id = " + id)) {
                while (rows.next()) {
                    states.put(rows.getLong(1), rows.getString(2));
                }
            }
            return null;
        });
        assertThat(states).hasSize(300);
        assertThat(states.values()).allMatch(state -> state.equals("SENT") || state.equals("UNCERTAIN"));
        assertThat(states.values().stream().filter("UNCERTAIN"::equals).count())
                .as("copies under way at the two kills (at most one per sender thread)").isLessThanOrEqualTo(2 * 48);
        for (var participant : participants) {
            var copies = copiesReceivedBy(participant);
            assertThat(copies).as("copies received by %s", participant).isLessThanOrEqualTo(1);
            if (states.get(participant.id()).equals("SENT")) {
                assertThat(copies).as("copies received by %s", participant).isEqualTo(1);
            }
        }
    }

    private long copiesReceivedBy(FakeUser participant) {
        return telegram.messagesTo(participant.chatId()).stream().filter(m -> TEXT.equals(m.text())).count();
    }
}
