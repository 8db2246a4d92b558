package ru.eventbot.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.eventbot.e2e.RunningBot;
import ru.eventbot.testsupport.telegram.FakeTelegram;

/**
 * Every dashboard page with 10,000 participants in the database (and their conversations, 10,000 likes, 3,000
 * rated comments, five broadcasts of 10,000 copies, 300 waiting requests): each page is fetched signed in, 10
 * times to warm up and 30 times measured: its median, 95th percentile and slowest time as the client saw it (the
 * target is under 200 ms), and the CPU time the server's request threads spent per request (a figure that hardly
 * changes when other processes share the cores). Run with
 * {@code ./mvnw -Pbenchmark verify -Dtest=DashboardBenchmark}.
 */
class DashboardBenchmark {

    private static final int PARTICIPANTS = 10_000;
    private static final long FIRST_USER = 500_000_000L;
    /** Rows seeded here take ids far above what the sequences hand out during the run. */
    private static final long FIRST_ID = 900_000_000L;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Test
    void everyPageWithTenThousandParticipants() throws Exception {
        try (var telegram = FakeTelegram.start()) {
            var bot = RunningBot.start(telegram.baseUrl(), telegram.token(), Map.of("logging.level.ru.eventbot", "WARN"));
            try {
                var start = OffsetDateTime.now().minusDays(1);
                var eventId = bot.post("/api/v1/events", "{\"title\":\"Форум\",\"startsAt\":\"" + start
                        + "\",\"endsAt\":\"" + start.plusHours(3) + "\",\"talks\":[{\"title\":\"Люди в МФЦ\","
                        + "\"speaker\":\"Таисия Петрова\"}]}").json().get("id").asLong();
                var seeding = System.nanoTime();
                var broadcastId = seed(bot.jdbc(), eventId);
                report("seeded %,d participants and their rows in %,d ms", PARTICIPANTS,
                        (System.nanoTime() - seeding) / 1_000_000);
                var http = signedIn(bot);
                var someone = FIRST_USER + 4_321;
                var pages = List.of("/dashboard/events", "/dashboard/events/new", "/dashboard/events/" + eventId + "/edit",
                        "/dashboard/events/" + eventId + "/feedback", "/dashboard/events/" + eventId + "/materials",
                        "/dashboard/materials", "/dashboard/broadcasts", "/dashboard/broadcasts/" + broadcastId,
                        "/dashboard/broadcasts/" + broadcastId + "/progress", "/dashboard/inbox",
                        "/dashboard/inbox?page=100", "/dashboard/inbox/" + someone, "/dashboard/participants",
                        "/dashboard/participants?q=" + URLEncoder.encode("иванова 77", StandardCharsets.UTF_8),
                        "/dashboard/participants?q=user_9", "/dashboard/participants?page=150",
                        "/dashboard/participants/" + someone, "/dashboard/admin/accounts");
                report("%-52s %8s %8s %8s %8s", "page (10,000 participants)", "p50 ms", "p95 ms", "max ms",
                        "cpu ms");
                for (var page : pages) {
                    var measured = time(http, bot, page);
                    var millis = measured.millis();
                    report("%-52s %8.1f %8.1f %8.1f %8.1f", page, millis[millis.length / 2],
                            millis[(int) Math.ceil(millis.length * 0.95) - 1], millis[millis.length - 1],
                            measured.cpuMillis());
                }
            } finally {
                bot.close();
            }
        }
    }

    /** A page's measured times, sorted, and the server's CPU milliseconds per request. */
    private record Measured(double[] millis, double cpuMillis) {
    }

    private static Measured time(HttpClient http, RunningBot bot, String page) throws Exception {
        var request = HttpRequest.newBuilder(bot.url(page)).GET().build();
        var millis = new ArrayList<Double>();
        CpuMeter cpu = null;
        for (int i = 0; i < 40; i++) {
            if (i == 10) {
                cpu = CpuMeter.start();
            }
            var started = System.nanoTime();
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            var took = (System.nanoTime() - started) / 1e6;
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            if (i >= 10) {
                millis.add(took);
            }
        }
        var usage = cpu.stop();
        var serverNanos = usage.groups().entrySet().stream().filter(group -> group.getKey().contains("exec"))
                .mapToLong(Map.Entry::getValue).sum();
        var sorted = millis.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return new Measured(sorted, serverNanos / 1e6 / millis.size());
    }

    private static HttpClient signedIn(RunningBot bot) throws Exception {
        var http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        var login = http.send(HttpRequest.newBuilder(bot.url("/login")).build(), HttpResponse.BodyHandlers.ofString());
        var token = CSRF.matcher(login.body());
        assertThat(token.find()).isTrue();
        var form = "username=" + RunningBot.ADMIN + "&password=" + RunningBot.ADMIN_PASSWORD + "&_csrf="
                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        var signIn = http.send(HttpRequest.newBuilder(bot.url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/dashboard"));
        return http;
    }

    /** Participants with conversations, likes, ratings with comments, RSVPs, broadcasts and waiting requests. */
    private static long seed(JdbcTemplate jdbc, long eventId) {
        var now = Instant.now();
        var participants = new ArrayList<Object[]>();
        var messages = new ArrayList<Object[]>();
        var likes = new ArrayList<Object[]>();
        var ratings = new ArrayList<Object[]>();
        var attendees = new ArrayList<Object[]>();
        var requests = new ArrayList<Object[]>();
        var messageId = FIRST_ID;
        for (int i = 0; i < PARTICIPANTS; i++) {
            var user = FIRST_USER + i;
            var at = Timestamp.from(now.minusSeconds(PARTICIPANTS - i));
            participants.add(new Object[] {FIRST_ID + i, user, user, "Анна" + i, i % 7 == 0 ? "Иванова " + i : "Петрова",
                    "user_" + i, "RU", i % 10 != 0, i % 50 == 0, "2026-11", at, at, at});
            messages.add(new Object[] {messageId++, user, user, "IN", "COMMAND", "/start", null, at});
            messages.add(new Object[] {messageId++, user, user, "OUT", "BOT_MESSAGE", "Здравствуйте!", "SENT", at});
            if (i % 2 == 0) {
                messages.add(new Object[] {messageId++, user, user, "IN", "TEXT", "Вопрос №" + i + ": где парковка?",
                        null, at});
            }
            if (i % 6 == 0) {
                messages.add(new Object[] {messageId++, user, user, "OUT", "ORGANISER_REPLY", "У входа", "SENT", at});
            }
            likes.add(new Object[] {eventId, user, i % 3 == 0 ? "REACTION" : "BUTTON",
                    Timestamp.from(now.minus(Duration.ofDays(i % 5)))});
            if (i % 3 == 0) {
                ratings.add(new Object[] {FIRST_ID + i, eventId, user, 1 + i % 5, "Комментарий " + i, i % 30 == 0, at, at});
            }
            if (i % 3 == 1) {
                attendees.add(new Object[] {eventId, user, at});
            }
            if (i % 33 == 0) {
                requests.add(new Object[] {FIRST_ID + i, user, user, "RU", "Пришлите запись " + (i % 10),
                        "запись " + (i % 10), "WAITING", at});
            }
        }
        jdbc.batchUpdate("insert into participant (id, telegram_user_id, chat_id, first_name, last_name, username, "
                + "language, subscribed, blocked, consent_version, consent_at, created_at, updated_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", participants);
        jdbc.batchUpdate("insert into conversation_message (id, telegram_user_id, chat_id, direction, kind, text, "
                + "delivery_status, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)", messages);
        // as ConversationService.queueOrganiserReply keeps it
        jdbc.update("update participant p set last_organiser_reply_id = (select max(m.id) from conversation_message m "
                + "where m.kind = 'ORGANISER_REPLY' and m.telegram_user_id = p.telegram_user_id)");
        jdbc.batchUpdate("insert into event_like (event_id, telegram_user_id, source, created_at) values (?, ?, ?, ?)",
                likes);
        jdbc.batchUpdate("insert into event_rating (id, event_id, telegram_user_id, rating, comment, comment_hidden, "
                + "created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)", ratings);
        jdbc.batchUpdate("insert into event_attendee (event_id, telegram_user_id, created_at) values (?, ?, ?)",
                attendees);
        jdbc.batchUpdate("insert into material_request (id, telegram_user_id, chat_id, language, request_text, terms, "
                + "status, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)", requests);
        var broadcastId = FIRST_ID;
        for (int b = 0; b < 5; b++) {
            var id = FIRST_ID + b;
            jdbc.update("insert into broadcast (id, kind, text, event_id, audience, status, paid, started_at, "
                    + "finished_at, created_by, total, created_at, version) values (?, 'ANNOUNCEMENT', ?, ?, 'ALL', "
                    + "'DONE', false, ?, ?, 'admin', ?, ?, 0)", id, "Анонс №" + b, eventId, Timestamp.from(now),
                    Timestamp.from(now), PARTICIPANTS, Timestamp.from(now));
            var deliveries = new ArrayList<Object[]>();
            for (int i = 0; i < PARTICIPANTS; i++) {
                deliveries.add(new Object[] {id, FIRST_USER + i, FIRST_USER + i, "RU", i % 50 == 0 ? "BLOCKED" : "SENT",
                        Timestamp.from(now)});
            }
            jdbc.batchUpdate("insert into broadcast_delivery (broadcast_id, telegram_user_id, chat_id, language, "
                    + "status, updated_at) values (?, ?, ?, ?, ?, ?)", deliveries);
            broadcastId = id;
        }
        return broadcastId;
    }

    private static void report(String format, Object... args) {
        System.out.printf("[benchmark] " + format + "%n", args);
    }
}
