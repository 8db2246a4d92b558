package ru.eventbot.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.eventbot.e2e.RunningBot;
import ru.eventbot.testsupport.telegram.FakeTelegram;
import ru.eventbot.testsupport.telegram.TelegramApiSpec;

/**
 * Fuzzing: updates generated from the Bot API specification go through the real webhook endpoint of a running bot
 * (one application context for all of them), and the organisers' API gets malformed requests. Nothing escapes a
 * handler, the webhook never answers 5xx (but its deliberate 503 "full, deliver again"), the API answers every bad
 * request with problem+json, and what is stored stays consistent. The seed is printed; run again with
 * {@code -Dfuzz.seed=<seed>}, and more updates with {@code -Dfuzz.updates=<n>}.
 */
class WebhookFuzzTests {

    static final String SECRET = "fuzz_Secret-7";
    static final String PATH = "/telegram/webhook";
    static final long ORGANISER = 8_100_000_000L;
    static final long FIRST_UPDATE = 900_000_000L;

    static FakeTelegram telegram;
    static RunningBot bot;
    static List<Long> eventIds;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws IOException {
        telegram = FakeTelegram.start();
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        bot = RunningBot.start(telegram.baseUrl(), telegram.token(), Map.of(
                "eventbot.telegram.mode", "webhook",
                "eventbot.telegram.webhook-url", "http://127.0.0.1:" + port + PATH,
                "eventbot.telegram.webhook-secret", SECRET,
                "eventbot.organiser-ids", String.valueOf(ORGANISER),
                "eventbot.broadcast.rate", "1000",
                "server.port", String.valueOf(port)));
        var now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
        eventIds = List.of(createEvent("Прошедшее", now.minusDays(1)), createEvent("Будущее", now.plusDays(3)));
    }

    @AfterAll
    static void stop() {
        if (bot != null) bot.close();
        if (telegram != null) telegram.close();
    }

    @Test
    void generatedUpdatesThroughTheWebhookLeaveNoFailureNo5xxAndAConsistentStore() throws Exception {
        // given
        var seed = Long.getLong("fuzz.seed", new Random().nextLong());
        var count = Integer.getInteger("fuzz.updates", 10_000);
        System.out.println("Webhook fuzzing: " + count + " updates, seed " + seed + " (-Dfuzz.seed=" + seed + ")");
        var users = new ArrayList<Long>(LongStream.range(1, 60).map(i -> ORGANISER + i).boxed().toList());
        users.add(ORGANISER);
        var generator = new UpdateGenerator(TelegramApiSpec.shared(), seed, users, eventIds);
        var plain = new ObjectMapper();
        var escaping = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
        var bodies = new ArrayList<String>(count);
        for (int i = 0; i < count; i++) {
            var update = generator.next(FIRST_UPDATE + i);
            bodies.add((i % 2 == 0 ? plain : escaping).writeValueAsString(update));
        }
        var statuses = new ConcurrentHashMap<Integer, AtomicInteger>();
        var accepted = ConcurrentHashMap.<Long>newKeySet();
        var retried = new AtomicInteger();
        // when: several webhook connections at once, as Telegram uses (up to the webhook's max_connections)
        var pool = Executors.newFixedThreadPool(Integer.getInteger("fuzz.connections", 16));
        var posting = System.nanoTime();
        try {
            for (int i = 0; i < count; i++) {
                var updateId = FIRST_UPDATE + i;
                var body = bodies.get(i);
                pool.submit(() -> {
                    var status = deliver(body, retried);
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    if (status == 200) {
                        accepted.add(updateId);
                    }
                    return null;
                });
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(5, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        }
        System.out.printf("Webhook fuzzing: %d updates posted in %.1f s%n", count,
                (System.nanoTime() - posting) / 1e9);
        var malformed = deliverMalformedBodies();
        var unreadable = List.of("{\"update_id\": " + (FIRST_UPDATE + count) + ", \"message\": \"not an object\"}",
                "{\"update_id\": " + (FIRST_UPDATE + count + 1) + ", \"message\": [1, 2]}");
        for (int i = 0; i < unreadable.size(); i++) {
            var status = post(unreadable.get(i).getBytes(StandardCharsets.UTF_8), "application/json").statusCode();
            assertThat(status).as("an update the bot cannot read is stored and skipped, not refused").isEqualTo(200);
            accepted.add(FIRST_UPDATE + count + i);
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(bot.jdbc().queryForList("select 'update ' || status as what, count(*) as n "
                        + "from inbound_update where status = 'RECEIVED' group by status union all "
                        + "select 'reply ' || delivery_status, count(*) from conversation_message "
                        + "where delivery_status in ('PENDING', 'SENDING') group by delivery_status"))
                        .as("still to be handled or sent").isEmpty());
        // then
        System.out.println("Webhook fuzzing: answers " + statuses + ", 503 retried " + retried + " times, "
                + "malformed bodies " + malformed);
        assertThat(statuses.keySet()).as("webhook answers").containsOnly(200);
        assertThat(malformed.keySet()).as("answers to malformed bodies").allMatch(status -> status >= 400 && status < 500);
        assertThat(count("select count(*) from inbound_update where update_id >= " + FIRST_UPDATE))
                .as("each accepted update stored once").isEqualTo(accepted.size());
        assertThat(bot.jdbc().queryForList("select update_id, error from inbound_update where status = 'FAILED'"))
                .as("updates whose handler threw").isEmpty();
        var found = inconsistencies(updateId -> updateId - FIRST_UPDATE < bodies.size()
                ? bodies.get((int) (updateId - FIRST_UPDATE)) : "{}");
        assertThat(found).isEmpty();
        telegram.assertNoValidationErrors();
    }

    @Test
    void malformedApiRequestsAreAnsweredWithAProblemAndNeverA5xx() {
        // given
        var seed = Long.getLong("fuzz.seed", new Random().nextLong());
        var count = Integer.getInteger("fuzz.requests", 500);
        System.out.println("API fuzzing: " + count + " requests, seed " + seed + " (-Dfuzz.seed=" + seed + ")");
        var fuzzing = new ApiFuzzing(bot, seed, eventIds);
        var statuses = new java.util.TreeMap<Integer, Integer>();
        var violations = new ArrayList<String>();
        // when
        for (int i = 0; i < count; i++) {
            var answer = fuzzing.next();
            statuses.merge(answer.status(), 1, Integer::sum);
            if (answer.status() >= 500) {
                violations.add(answer.status() + " for " + answer.request());
            } else if (answer.status() >= 400 && !answer.contentType().startsWith("application/problem+json")) {
                violations.add(answer.status() + " as " + answer.contentType() + " for " + answer.request());
            }
        }
        // then
        System.out.println("API fuzzing: answers " + statuses + ", violations " + violations.size());
        assertThat(violations).isEmpty();
    }

    /** Rows that should not exist: each names an invariant and counts its violations. */
    /** @param sent the body posted for an update id of this run (the stored one may be erased by /forget) */
    static Map<String, Integer> inconsistencies(java.util.function.LongFunction<String> sent) {
        var checks = Map.of(
                "updates neither handled nor failed",
                "select count(*) from inbound_update where status not in ('HANDLED', 'FAILED')",
                "raw updates without their update",
                "select count(*) from inbound_update_payload p where not exists "
                        + "(select 1 from inbound_update u where u.update_id = p.update_id)",
                "messages in naming an update that is not stored",
                "select count(*) from conversation_message m where m.update_id is not null and not exists "
                        + "(select 1 from inbound_update u where u.update_id = m.update_id)",
                "likes, RSVPs, ratings, comment likes and prompts of nobody the bot knows",
                "select (select count(*) from event_like x where x.telegram_user_id > 0 and not exists "
                        + "(select 1 from participant p where p.telegram_user_id = x.telegram_user_id))"
                        + " + (select count(*) from event_attendee x where x.telegram_user_id > 0 and not exists "
                        + "(select 1 from participant p where p.telegram_user_id = x.telegram_user_id))"
                        + " + (select count(*) from event_rating x where x.telegram_user_id > 0 and not exists "
                        + "(select 1 from participant p where p.telegram_user_id = x.telegram_user_id))"
                        + " + (select count(*) from feedback_prompt x where not exists "
                        + "(select 1 from participant p where p.telegram_user_id = x.telegram_user_id))",
                "material requests of nobody the bot knows",
                "select count(*) from material_request x where x.telegram_user_id > 0 and not exists "
                        + "(select 1 from participant p where p.telegram_user_id = x.telegram_user_id)",
                "replies still waiting to be sent",
                "select count(*) from conversation_message where delivery_status in ('PENDING', 'SENDING')");
        var found = new java.util.TreeMap<String, Integer>();
        checks.forEach((name, sql) -> {
            var violations = count(sql);
            if (violations > 0) {
                found.put(name, violations);
            }
        });
        var privateRowsOfNobody = privateRowsOfNobody(sent);
        if (privateRowsOfNobody > 0) {
            found.put("private conversation rows of nobody the bot knows", privateRowsOfNobody);
        }
        for (var event : eventIds) {
            var shown = bot.get("/api/v1/events/" + event + "/feedback").json().get("likes").asInt();
            var stored = count("select count(*) from event_like where event_id = " + event);
            if (shown != stored) {
                found.put("event " + event + " shows " + shown + " likes, " + stored + " stored", 1);
            }
        }
        return found;
    }

    /**
     * Rows of a private chat (its id is the user's) naming someone who is not a participant. In groups and channels
     * the sender is logged without becoming a participant, by design; the generator also makes chats whose id
     * equals the sender's but whose type is not private, which Telegram never does, so each row's chat type is read
     * from the update posted (the stored copy is erased with the participant's data by /forget).
     */
    private static int privateRowsOfNobody(java.util.function.LongFunction<String> sent) {
        var updates = bot.jdbc().queryForList("select m.update_id from conversation_message m "
                + "where m.telegram_user_id > 0 and m.chat_id = m.telegram_user_id and not exists "
                + "(select 1 from participant p where p.telegram_user_id = m.telegram_user_id)", Long.class);
        var violations = 0;
        for (var updateId : updates) {
            if (updateId == null || "private".equals(chatTypeOf(updateId, sent.apply(updateId)))) {
                violations++;
                System.out.println("Webhook fuzzing: a private conversation row of nobody: " + bot.jdbc().queryForList(
                        "select m.direction, m.kind, m.chat_id, m.telegram_user_id, u.status, u.update_type "
                                + "from conversation_message m left join inbound_update u on u.update_id = m.update_id "
                                + "where m.update_id = ?", updateId));
            }
        }
        return violations;
    }

    private static String chatTypeOf(long updateId, String body) {
        try {
            var update = new ObjectMapper().readTree(body);
            for (var path : List.of("/message/chat", "/edited_message/chat", "/my_chat_member/chat",
                    "/message_reaction/chat", "/callback_query/message/chat")) {
                var chat = update.at(path);
                if (!chat.isMissingNode()) {
                    return chat.path("type").asText(null);
                }
            }
            return null;
        } catch (Exception e) {
            throw new AssertionError("update " + updateId + " was accepted, so it is JSON", e);
        }
    }

    private static int deliver(String body, AtomicInteger retried) throws Exception {
        for (int attempt = 0; ; attempt++) {
            var status = post(body.getBytes(StandardCharsets.UTF_8), "application/json").statusCode();
            if (status != 503 || attempt > 200) {
                return status;
            }
            retried.incrementAndGet(); // full: Telegram delivers again later, and so do we
            Thread.sleep(20);
        }
    }

    private static Map<Integer, Integer> deliverMalformedBodies() throws Exception {
        var bodies = List.of("", "{", "[]", "null", "42", "\"update\"", "{\"update_id\": \"abc\"}",
                "{\"update_id\": 1.5e400}", "{\"update_id\": 12, \"message\": {", "{\"message\": {\"text\": \"hi\"}}",
                "{\"update_id\": {\"nested\": true}}", "\uFEFF{\"update_id\"", "{\"update_id\": 97,}",
                "{\"update_id\": 99999999999}");
        var answers = new java.util.TreeMap<Integer, Integer>();
        for (var body : bodies) {
            answers.merge(post(body.getBytes(StandardCharsets.UTF_8), "application/json").statusCode(), 1, Integer::sum);
        }
        var invalidUtf8 = new byte[] {'{', '"', 'u', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', ':', '1', '}'};
        answers.merge(post(invalidUtf8, "application/json").statusCode(), 1, Integer::sum);
        answers.merge(post("{\"update_id\": 96}".repeat(100_000).getBytes(StandardCharsets.UTF_8), "text/plain")
                .statusCode(), 1, Integer::sum);
        return answers;
    }

    private static HttpResponse<String> post(byte[] body, String contentType) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(bot.url(PATH)).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", contentType).header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static int count(String sql) {
        return bot.jdbc().queryForObject(sql, Integer.class);
    }

    private static long createEvent(String title, OffsetDateTime start) {
        var response = bot.post("/api/v1/events", "{\"title\": \"" + title + "\", \"venue\": \"МФЦ\", \"startsAt\": \""
                + start + "\", \"endsAt\": \"" + start.plusHours(2) + "\", \"timeZone\": \"Europe/Moscow\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asLong();
    }
}
