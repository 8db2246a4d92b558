package ru.eventbot.e2e;

import ru.eventbot.testsupport.ScratchDirectories;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.eventbot.testsupport.telegram.FakeTelegram;
import ru.eventbot.testsupport.telegram.ReceivedMessage;

/**
 * {@code kill -9} at random moments of a mixed workload (messages, 👍 presses, a broadcast, a material published
 * for waiting requests), again and again: afterwards every update was handled once, no reply went out twice
 * (a reply under way at a kill is UNCERTAIN: counted, never resent), every recipient got the broadcast once (or
 * UNCERTAIN), the like counts equal the stored likes, and every waiting request the material answers is fulfilled.
 * Seeded ({@code -Dkills.seed}); {@code -Dkills=N} kills (10 by default).
 */
class MixedWorkloadKillTests {

    static final String ANNOUNCEMENT = "Приглашаем на мастер-класс МФЦ";
    static final String REQUEST = "Пришлите, пожалуйста, презентацию Таисии Громовой";

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
        process = new BotProcess(telegram.baseUrl(), telegram.token(), ScratchDirectories.create("eventbot-mixkill"),
                "--server.port=" + port, "--eventbot.broadcast.rate=40", "--eventbot.telegram.poll-timeout=1s");
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        if (process.isAlive()) {
            process.kill();
        }
        telegram.close();
    }

    @Test
    void killedAtRandomMomentsOfAMixedWorkloadNothingIsLostOrDoubled() throws Exception {
        // given
        var seed = Long.getLong("kills.seed", new Random().nextLong());
        var kills = Integer.getInteger("kills", 10);
        System.out.println("Kill test: " + kills + " kills, seed " + seed + " (-Dkills.seed=" + seed + ")");
        var random = new Random(seed);
        var people = IntStream.range(0, 30).mapToObj(i -> telegram.user("Участник", "№" + i)).toList();
        process.start();
        awaitUp();
        var event = api.post("/api/v1/events", "{\"title\": \"Интерра\", \"venue\": \"МФЦ\", \"startsAt\": \""
                + OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).withNano(0) + "\", \"endsAt\": \""
                + OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).plusHours(2).withNano(0) + "\"}", 201);
        people.forEach(p -> p.sends("/start event_" + event));
        var cards = new ArrayList<ReceivedMessage>();
        people.forEach(p -> cards.add(p.awaitMessages(3).get(2)));
        var askers = people.subList(0, 10);
        askers.forEach(p -> p.sends(REQUEST));
        var updates = people.size() + askers.size();
        var broadcast = -1L;
        // when
        for (int round = 1; round <= kills; round++) {
            for (int i = 0; i < people.size(); i++) {
                if (random.nextInt(2) == 0) {
                    people.get(i).sends("Вопрос " + round);
                    updates++;
                }
                if (random.nextInt(3) == 0) {
                    people.get(i).pressesButton(cards.get(i), "👍");
                    updates++;
                }
            }
            if (round == 2) {
                broadcast = api.post("/api/v1/broadcasts", "{\"text\": \"" + ANNOUNCEMENT + "\", \"audience\": \"ALL\"}",
                        202);
            }
            if (round == 3) {
                publishMaterial(event);
            }
            Thread.sleep(200 + random.nextInt(1800)); // the workload is under way: kill at a random moment of it
            process.kill();
            process.start();
            awaitUp(); // the next round's kill falls into the bot's work, not into the JVM's start-up
        }
        var broadcastId = broadcast;
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() ->
                api.get("/api/v1/broadcasts/" + broadcastId).contains("\"status\":\"DONE\"")
                        && !api.get("/api/v1/material-requests").contains("WAITING"));
        var shownLikes = await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> likesShown(event),
                likes -> likes >= 0);
        awaitQuiet();
        process.terminate();

        // then: every update handled once
        var states = countBy("select status, count(*) from inbound_update group by status");
        System.out.println("Kill test: updates " + states + ", " + updates + " sent by the participants");
        assertThat(states.keySet()).containsOnly("HANDLED");
        assertThat(states.get("HANDLED")).isEqualTo(updates);
        // no reply twice: what each chat received lies between the SENT replies and those plus the UNCERTAIN ones
        var uncertainReplies = 0L;
        for (var person : people) {
            var replies = countBy("select delivery_status, count(*) from conversation_message where direction = 'OUT' "
                    + "and kind in ('BOT_MESSAGE', 'BOT_DOCUMENT') and chat_id = " + person.chatId()
                    + " group by delivery_status");
            var received = telegram.messagesTo(person.chatId()).stream()
                    .filter(m -> !ANNOUNCEMENT.equals(m.text())).count();
            var sent = replies.getOrDefault("SENT", 0L);
            var uncertain = replies.getOrDefault("UNCERTAIN", 0L);
            uncertainReplies += uncertain;
            assertThat(received).as("replies received by %s", person).isBetween(sent, sent + uncertain);
            assertThat(replies.keySet()).as("reply states of %s", person).isSubsetOf("SENT", "UNCERTAIN");
        }
        // the broadcast: once to everyone, or UNCERTAIN and never resent
        var copies = countBy("select status, count(*) from broadcast_delivery where broadcast_id = " + broadcastId
                + " group by status");
        System.out.println("Kill test: broadcast copies " + copies + ", uncertain replies " + uncertainReplies);
        assertThat(copies.keySet()).isSubsetOf("SENT", "UNCERTAIN");
        for (var person : people) {
            var received = telegram.messagesTo(person.chatId()).stream().filter(m -> ANNOUNCEMENT.equals(m.text()))
                    .count();
            var state = process.query(c -> {
                try (var rows = c.createStatement().executeQuery("select status from broadcast_delivery where "
                        + "broadcast_id = " + broadcastId + " and telegram_user_id = " + person.id())) {
                    return rows.next() ? rows.getString(1) : "NONE";
                }
            });
            assertThat(received).as("copies received by %s (%s)", person, state)
                    .isEqualTo(state.equals("SENT") ? 1 : received).isLessThanOrEqualTo(1);
        }
        // likes shown are the likes stored; the waiting requests are fulfilled
        assertThat(countBy("select 'likes', count(*) from event_like where event_id = " + event).get("likes"))
                .isEqualTo(shownLikes.longValue());
        assertThat(countBy("select status, count(*) from material_request group by status"))
                .containsOnlyKeys("FULFILLED").containsEntry("FULFILLED", (long) askers.size());
    }

    private void awaitUp() {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("/actuator/health").contains("UP"));
    }

    private void awaitQuiet() throws InterruptedException {
        var last = -1L;
        while (telegram.messagesSentCount() != last) {
            last = telegram.messagesSentCount();
            Thread.sleep(3000);
        }
    }

    private int likesShown(long event) {
        var body = api.get("/api/v1/events/" + event + "/feedback");
        var start = body.indexOf("\"likes\":") + 8;
        var end = start;
        while (end < body.length() && Character.isDigit(body.charAt(end))) {
            end++;
        }
        return Integer.parseInt(body.substring(start, end));
    }

    private HashMap<String, Long> countBy(String sql) {
        return process.query(connection -> {
            var counts = new HashMap<String, Long>();
            try (var rows = connection.createStatement().executeQuery(sql)) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
            return counts;
        });
    }

    private void publishMaterial(long event) {
        var boundary = "kill-" + System.nanoTime();
        var body = new ByteArrayOutputStream();
        for (var field : List.of(List.of("title", "Как работают люди в МФЦ"), List.of("speaker", "Таисия Громова"))) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.get(0)
                    + "\"\r\n\r\n" + field.get(1) + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"mfc.pdf\""
                + "\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n% МФЦ\n%%EOF\n\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        api.send("/api/v1/events/" + event + "/materials", "multipart/form-data; boundary=" + boundary,
                HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()), 201);
    }
}
