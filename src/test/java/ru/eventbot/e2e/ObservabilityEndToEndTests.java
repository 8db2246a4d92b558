package ru.eventbot.e2e;

import ru.eventbot.testsupport.ScratchDirectories;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import ru.eventbot.testsupport.telegram.EnqueuedUpdate;
import ru.eventbot.testsupport.telegram.FakeTelegram;
import ru.eventbot.testsupport.telegram.FakeUser;
import ru.eventbot.testsupport.telegram.Fault;

/**
 * What an operator sees of a bot in service: its metrics at /actuator/prometheus, its health, and its log. The bot
 * runs as its own JVM with the configuration it has in production, and its console is read as written.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObservabilityEndToEndTests {

    /** Shaped like a real token (digits, a colon, 35+ characters), so the log's mask has to recognise it. */
    /** Made up, in a real token's shape (so masking is tested on it), and built so no scanner takes it for one. */
    private static final String TOKEN = "7012345678" + ":" + "AAH4xQ9f_ObservabilityToken-NeverLogged";
    private static final String QUESTION = "Где парковка у Технопарка? Секретный вопрос 4711";
    private static final String REQUEST = "Пришлите, пожалуйста, презентацию Зиновия Квантового";
    private static final String ANNOUNCEMENT = "Анонс для проверки журналов 9182";

    static FakeTelegram telegram;
    static BotProcess bot;
    static ProcessApi api;
    static FakeUser anna;
    static FakeUser boris;
    static EnqueuedUpdate annasStart;
    static String greeting;

    @BeforeAll
    static void aBotInServiceWithTwoParticipantsAWaitingRequestAndABroadcast() throws Exception {
        telegram = FakeTelegram.start(TOKEN);
        api = new ProcessApi(ProcessApi.freePort());
        bot = new BotProcess(telegram.baseUrl(), TOKEN, ScratchDirectories.create("eventbot-observability"),
                api.portArgument(), "--eventbot.broadcast.check-interval=300ms").start();
        anna = telegram.user("Анна", "Наблюдаемая");
        boris = telegram.user("Борис", "Метрикин");
        annasStart = anna.sends("/start");
        greeting = anna.awaitMessage(Duration.ofSeconds(90)).text();
        anna.awaitMessage();
        boris.sends("/start");
        boris.awaitMessages(2);
        anna.sends(QUESTION);
        anna.awaitMessage();
        boris.sends(REQUEST);
        boris.awaitMessage();
        api.awaitUp(Duration.ofSeconds(30));
        var broadcast = api.post("/api/v1/broadcasts", "{\"text\": \"" + ANNOUNCEMENT + "\", \"audience\": \"ALL\"}");
        assertThat(broadcast.status()).isEqualTo(202);
        var id = broadcast.json().get("id").asLong();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("/api/v1/broadcasts/" + id).json().get("status").asText().equals("DONE"));
    }

    @AfterAll
    static void stopEverything() throws InterruptedException {
        if (bot != null && bot.isAlive()) {
            bot.terminate();
        }
        if (telegram != null) {
            telegram.close();
        }
    }

    @Test
    @Order(1)
    void prometheusCountsUpdatesRepliesAndTelegramCallsAsTheyHappen() {
        // given
        var before = scrape();
        assertThat(before.value("eventbot_broadcast_deliveries", "state=\"sent\"")).isEqualTo(2);
        assertThat(before.value("eventbot_material_requests_waiting")).isEqualTo(1);
        assertThat(before.value("eventbot_updates_failed_total")).isZero();
        // when: Telegram fails one reply with 502, rate-limits one, and resets the connection twice
        telegram.failNext("sendMessage", 1, Fault.serverError(502));
        anna.sends("Спасибо!");
        anna.awaitMessage(Duration.ofSeconds(20));
        telegram.failNext("sendMessage", 1, Fault.tooManyRequests(1));
        boris.sends("И вам спасибо");
        boris.awaitMessage(Duration.ofSeconds(20));
        telegram.failNext("sendMessage", 2, Fault.connectionReset());
        anna.sends("До встречи");
        anna.awaitMessage(Duration.ofSeconds(20));
        // then (a call is counted when its answer has been read, a moment after Telegram got it)
        var after = await().atMost(Duration.ofSeconds(10)).until(ObservabilityEndToEndTests::scrape,
                scrape -> scrape.value("eventbot_telegram_calls_total", "method=\"sendmessage\"", "result=\"ok\"")
                        >= before.value("eventbot_telegram_calls_total", "method=\"sendmessage\"", "result=\"ok\"") + 3);
        assertThat(after.value("eventbot_updates_received_total") - before.value("eventbot_updates_received_total"))
                .isEqualTo(3);
        assertThat(after.value("eventbot_updates_handled_total") - before.value("eventbot_updates_handled_total"))
                .isEqualTo(3);
        assertThat(after.value("eventbot_updates_handling_seconds_count")
                - before.value("eventbot_updates_handling_seconds_count")).isEqualTo(3);
        assertThat(after.value("eventbot_telegram_calls_total", "method=\"sendmessage\"", "result=\"ok\"")
                - before.value("eventbot_telegram_calls_total", "method=\"sendmessage\"", "result=\"ok\""))
                .isEqualTo(3);
        assertThat(after.value("eventbot_telegram_calls_total", "method=\"sendmessage\"", "result=\"5xx\""))
                .isEqualTo(1);
        assertThat(after.value("eventbot_telegram_calls_total", "method=\"sendmessage\"", "result=\"429\""))
                .isEqualTo(1);
        assertThat(after.value("eventbot_telegram_calls_total", "method=\"sendmessage\"", "result=\"network\""))
                .isGreaterThanOrEqualTo(1); // OkHttp retries a reset pooled connection once by itself
        assertThat(after.value("eventbot_telegram_calls_total", "method=\"getupdates\"", "result=\"ok\""))
                .isPositive();
        assertThat(after.value("eventbot_telegram_rate_limited_total")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void metricsAreForOrganisersOnly() {
        // when
        var anonymous = api.anonymous("/actuator/prometheus");
        // then
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    @Order(3)
    void healthShowsTheDatabaseAndTelegramToOrganisersWhileReadinessLeavesTelegramOut() {
        // when
        var health = api.get("/actuator/health");
        var readiness = api.get("/actuator/health/readiness");
        var liveness = api.anonymous("/actuator/health/liveness");
        var anonymous = api.anonymous("/actuator/health");
        // then
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().at("/components/telegram/status").asText()).isEqualTo("UP");
        assertThat(health.json().at("/components/telegram/details/bot").asText()).isEqualTo("@" + telegram.botUsername());
        assertThat(health.json().at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(readiness.json().get("status").asText()).isEqualTo("UP");
        assertThat(readiness.json().at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(readiness.json().at("/components/telegram").isMissingNode()).isTrue();
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(anonymous.json().get("status").asText()).isEqualTo("UP");
        assertThat(anonymous.json().has("components")).as("details for organisers only").isFalse();
    }

    @Test
    @Order(4)
    void theLogNamesTheUpdateAndChatButNeverTheTokenNorWhatWasWritten() throws Exception {
        // given: someone probes the bot's port with the token in the path (a line is logged for the refusal)
        assertThat(api.anonymous("/bot" + TOKEN + "/getMe").status()).isEqualTo(401);
        // when
        bot.terminate();
        var log = Files.readString(bot.log(), StandardCharsets.UTF_8);
        // then
        assertThat(log).contains("Participant " + anna.id() + " subscribed")
                .contains("/bot<token>/getMe")
                .contains("Telegram call sendmessage failed");
        var subscribed = Arrays.stream(log.split("\n"))
                .filter(line -> line.contains("Participant " + anna.id() + " subscribed")).findFirst().orElseThrow();
        assertThat(subscribed).contains(" update=" + annasStart.updateId() + " chat=" + anna.chatId() + " ");
        assertThat(log).doesNotContain(TOKEN).doesNotContain(TOKEN.substring(TOKEN.indexOf(':') + 1))
                .doesNotContain(QUESTION).doesNotContain("Зиновия").doesNotContain(ANNOUNCEMENT)
                .doesNotContain(greeting.substring(0, 40));
    }

    private static Scrape scrape() {
        var response = api.get("/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        return new Scrape(response.body());
    }

    /** A Prometheus text exposition. */
    private record Scrape(String text) {

        /** The value of the series named {@code name} with all these labels; 0 when there is none. */
        double value(String name, String... labels) {
            var line = Pattern.compile("^" + name + "(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE).matcher(text);
            while (line.find()) {
                var series = line.group(1) == null ? "" : line.group(1);
                if (Arrays.stream(labels).allMatch(series::contains)) {
                    return Double.parseDouble(line.group(2));
                }
            }
            return 0;
        }
    }
}
