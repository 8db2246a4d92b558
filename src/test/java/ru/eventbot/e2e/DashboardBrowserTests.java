package ru.eventbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import ru.eventbot.account.AccountService;
import ru.eventbot.account.Role;
import ru.eventbot.feedback.FeedbackService;
import ru.eventbot.participant.ParticipantService;
import ru.eventbot.participant.TelegramProfile;
import ru.eventbot.testsupport.browser.HeadlessChromium;
import ru.eventbot.testsupport.telegram.FakeTelegram;

/**
 * The organisers' dashboard in a real browser (headless Chromium), on the whole application against the fake Bot
 * API: what an organiser does there reaches participants in Telegram, and hostile input stays harmless.
 */
class DashboardBrowserTests {

    private static final String ORGANISER = "olga";
    private static final String ORGANISER_PASSWORD = "organiser-password-1";

    static FakeTelegram telegram;
    static RunningBot bot;
    static HeadlessChromium browser;

    @BeforeAll
    static void startTelegramTheBotAndABrowser() {
        telegram = FakeTelegram.start();
        bot = RunningBot.start(telegram.baseUrl(), telegram.token(), Map.of(
                "eventbot.broadcast.rate", "100",
                "eventbot.broadcast.check-interval", "300ms",
                "eventbot.materials.max-file-size", "1MB",
                "eventbot.dashboard.failed-sign-ins", "3"));
        bot.bean(AccountService.class).create(ORGANISER, ORGANISER_PASSWORD, Role.ORGANISER);
        browser = HeadlessChromium.start(bot.url("/"));
        browser.signIn(RunningBot.ADMIN, RunningBot.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stopEverything() {
        if (browser != null) browser.close();
        if (bot != null) bot.close();
        if (telegram != null) telegram.close();
    }

    @AfterEach
    void everyCallTheBotMadeFollowedTheBotApiSpecification() {
        telegram.assertNoValidationErrors();
    }

    @Test
    void anOrganiserCreatesAnEventWithItsTalksAndSeesItInTheList() {
        // when
        browser.open("/dashboard/events").submit(By.id("new-event"));
        browser.type(By.id("title"), "Мастер-класс «Как работают люди в МФЦ»")
                .type(By.id("venue"), "Технопарк, зал 2")
                .type(By.id("timeZone"), "Europe/Moscow")
                .type(By.id("talkTitle0"), "Люди в МФЦ")
                .type(By.id("talkSpeaker0"), "Таисия Петрова");
        dateTime("startsAt", "2026-12-10T15:00");
        dateTime("endsAt", "2026-12-10T17:00");
        browser.submit(By.id("save-event"));
        // then
        assertThat(browser.text(By.cssSelector("[role=status]"))).isEqualTo("Event created.");
        assertThat(browser.find(By.id("talkSpeaker0")).getDomProperty("value")).isEqualTo("Таисия Петрова");
        browser.open("/dashboard/events");
        assertThat(browser.text(By.id("events"))).contains("Мастер-класс «Как работают люди в МФЦ»")
                .contains("2026-12-10 15:00 Europe/Moscow");
        browser.screenshot("events");
        // and at phone width nothing needs sideways scrolling but the table itself
        browser.resize(390, 844);
        assertThat((Boolean) browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .isTrue();
        browser.screenshot("events-phone");
        browser.resize(1280, 900);
    }

    @Test
    void aMaterialDroppedOnTheUploadFieldIsPublished() {
        // given
        var eventId = event("Круглый стол: открытые данные", OffsetDateTime.now().plusDays(3));
        browser.open("/dashboard/events/" + eventId + "/materials");
        // when
        browser.dropFile(By.id("drop-zone"), "slides.pdf", "application/pdf", pdf("открытые данные"));
        assertThat(browser.text(By.id("file-status"))).startsWith("slides.pdf");
        browser.type(By.id("material-title"), "Открытые данные в МФЦ").type(By.id("speaker"), "Пётр Сидоров")
                .submit(By.id("publish"));
        // then
        assertThat(browser.text(By.cssSelector("[role=status]"))).contains("Открытые данные в МФЦ");
        assertThat(browser.text(By.id("materials"))).contains("Пётр Сидоров").contains("slides.pdf");
        browser.screenshot("materials");
    }

    @Test
    void aFileOverTheLimitGetsAClearMessageInTheBrowserAndFromTheServer() {
        // given: materials may be at most 1 MB here
        var eventId = event("Семинар: большие файлы", OffsetDateTime.now().plusDays(4));
        browser.open("/dashboard/events/" + eventId + "/materials");
        var tooLarge = new byte[1_600_000];
        System.arraycopy(pdf("x"), 0, tooLarge, 0, pdf("x").length);
        // when: dropped, the page says so before sending anything
        browser.dropFile(By.id("drop-zone"), "huge.pdf", "application/pdf", tooLarge);
        // then
        assertThat(browser.text(By.id("file-status"))).isEqualTo("The file huge.pdf is 1.5 MB; materials may be at "
                + "most 1 MB.");
        // when: a browser without the page's script sends it anyway
        browser.script("document.getElementById('upload').dataset.maxBytes = ''");
        browser.type(By.id("material-title"), "Слишком большой").type(By.id("speaker"), "Пётр Сидоров")
                .dropFile(By.id("drop-zone"), "huge.pdf", "application/pdf", tooLarge).submit(By.id("publish"));
        // then: the server's refusal, and the form keeps what was typed
        assertThat(browser.text(By.cssSelector("[role=alert]"))).contains("materials may be at most 1048576 bytes");
        assertThat(browser.find(By.id("material-title")).getDomProperty("value")).isEqualTo("Слишком большой");
        assertThat(browser.findAll(By.id("materials"))).isEmpty();
    }

    @Test
    void aBroadcastToFiftyParticipantsFillsTheProgressBarToTheEnd() {
        // given
        var guests = Subscribers.of(telegram, bot, 50, "Гость");
        browser.open("/dashboard/broadcasts");
        browser.type(By.id("text"), "Ждём вас на мастер-классе! <b>Не</b> опаздывайте: https://example.org/map");
        // when: previewed first
        browser.submit(By.id("preview-button"));
        // then: the text as Telegram shows it: markup as typed, the link clickable
        assertThat(browser.text(By.cssSelector("#preview .bubble")))
                .isEqualTo("Ждём вас на мастер-классе! <b>Не</b> опаздывайте: https://example.org/map");
        assertThat(browser.find(By.cssSelector("#preview .bubble a")).getDomAttribute("href"))
                .isEqualTo("https://example.org/map");
        assertThat(browser.findAll(By.cssSelector("#preview .bubble b"))).isEmpty();
        assertThat(browser.text(By.id("preview"))).contains("Goes to " + bot.bean(ru.eventbot.broadcast
                .BroadcastService.class).recipients(ru.eventbot.broadcast.Audience.ALL, null) + " participant(s)");
        // when: sent
        browser.submit(By.id("send-button"));
        // then: the bar fills as the copies go out, and stops at 100 %
        browser.awaitText(By.id("status"), "DONE");
        assertThat(browser.text(By.id("percent"))).isEqualTo("100");
        assertThat(browser.find(By.id("progress-bar")).getDomProperty("value")).isEqualTo("100");
        assertThat(Integer.parseInt(browser.text(By.id("sent")))).isGreaterThanOrEqualTo(50);
        browser.screenshot("broadcast-progress");
        for (var guest : guests) {
            assertThat(guest.awaitMessage().text()).startsWith("Ждём вас на мастер-классе!");
        }
        browser.open("/dashboard/broadcasts");
        assertThat(browser.text(By.id("history"))).contains("Ждём вас на мастер-классе!").contains("DONE");
    }

    @Test
    void theRatingChartDrawsTheRatingsAndHostileCommentsStayText() {
        // given: an event three people rated, one of them named and commenting with a script
        var eventId = event("Форум: итоги", OffsetDateTime.now().minusDays(1));
        var feedback = bot.bean(FeedbackService.class);
        var participants = bot.bean(ParticipantService.class);
        var hostile = "<script>window.hacked = true</script>";
        for (int stars = 3; stars <= 5; stars++) {
            var id = 880_000L + stars;
            participants.subscribe(new TelegramProfile(id, id, stars == 5 ? hostile : "Анна", "Иванова", null, "ru"),
                    null);
            feedback.rate(eventId, id, stars);
            feedback.comment(id, stars == 5 ? hostile + " <img src=x onerror=\"window.hacked = true\">" : "Полезно");
            feedback.toggleLike(eventId, id);
        }
        // when
        browser.open("/dashboard/events/" + eventId + "/feedback");
        // then: Chart.js (from the WebJar) drew both charts with the event's figures
        var histogram = awaitOrShowConsole(() -> browser.await(driver -> browser.script("const chart = window.Chart && "
                + "Chart.getChart(document.getElementById('ratings-chart')); return chart && chart.data.datasets[0].data")));
        assertThat(histogram).isEqualTo(List.of(0L, 0L, 1L, 1L, 1L));
        assertThat(browser.script("return Chart.getChart(document.getElementById('likes-chart')).data.datasets[0]"
                + ".data.reduce((a, b) => a + b, 0)")).isEqualTo(3L);
        assertThat((Boolean) browser.script("const c = document.getElementById('ratings-chart'); "
                + "return c.width > 0 && c.getContext('2d').getImageData(0, 0, c.width, c.height).data.some(v => v)"))
                .isTrue();
        assertThat(browser.text(By.id("average"))).isEqualTo("4.0");
        // and the hostile name and comment are shown as text, and ran nothing
        assertThat(browser.text(By.id("comments"))).contains(hostile + " Иванова").contains(hostile + " <img src=x");
        assertThat(browser.findAll(By.cssSelector("#comments script, #comments img"))).isEmpty();
        assertThat(browser.script("return window.hacked === undefined")).isEqualTo(true);
        browser.fullPageScreenshot("feedback");
        // when: the organiser hides the hostile comment
        browser.submit(By.cssSelector("#comments li:first-child button"));
        // then
        assertThat(browser.text(By.cssSelector("#comments li:first-child .badge"))).isEqualTo("hidden");
        assertThat(feedback.visibleComments(eventId, 0, 10).comments()).hasSize(2);
        // and the participants' list shows the name as text too
        browser.open("/dashboard/participants?q=script");
        assertThat(browser.text(By.id("participants"))).contains(hostile);
        assertThat(browser.script("return window.hacked === undefined")).isEqualTo(true);
    }

    @Test
    void anOrganisersReplyInTheInboxReachesTheParticipant() {
        // given
        var ksenia = telegram.user("Ксения", "Садовская");
        ksenia.sends("/start");
        ksenia.awaitMessage(Duration.ofSeconds(30)); // the greeting
        ksenia.awaitMessage(); // and the events
        ksenia.sends("Подскажите, пожалуйста, где будет парковка?");
        assertThat(ksenia.awaitMessage().text()).contains("организаторы его прочитают");
        // when
        browser.open("/dashboard/inbox");
        var thread = browser.find(By.xpath("//ul[@id='threads']/li[.//strong[text()='Ксения Садовская']]"));
        assertThat(thread.getText()).contains("unanswered").contains("где будет парковка");
        browser.screenshot("inbox");
        thread.findElement(By.tagName("a")).click();
        browser.type(By.id("reply-text"), "Парковка у главного входа, со стороны проспекта.").submit(By.id("send-reply"));
        // then
        assertThat(browser.text(By.cssSelector("[role=status]"))).isEqualTo("Reply sent through the bot.");
        assertThat(ksenia.awaitMessage().text()).isEqualTo("Парковка у главного входа, со стороны проспекта.");
        assertThat(browser.text(By.id("history"))).contains("ORGANISER_REPLY");
        browser.open("/dashboard/inbox");
        assertThat(browser.find(By.xpath("//ul[@id='threads']/li[.//strong[text()='Ксения Садовская']]")).getText())
                .doesNotContain("unanswered");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() {
        // when: the signed-in browser posts a form that did not come from the dashboard's page
        var status = browser.post("/dashboard/events", Map.of("title", "Подделка", "startsAt", "2026-12-10T15:00",
                "endsAt", "2026-12-10T17:00"));
        // then
        assertThat(status).isEqualTo(403);
        browser.open("/dashboard/events");
        assertThat(browser.text(By.tagName("main"))).doesNotContain("Подделка");
    }

    @Test
    void wrongPasswordsAreSlowedDownEvenBeforeTheRightOne() {
        var stranger = browser.forgetSession();
        try {
            // when: three wrong passwords
            for (int i = 0; i < 3; i++) {
                stranger.signIn(ORGANISER, "guess-" + i);
                assertThat(stranger.text(By.cssSelector("[role=alert]"))).isEqualTo("Wrong user name or password.");
            }
            // then: even the right one must wait
            stranger.signIn(ORGANISER, ORGANISER_PASSWORD);
            assertThat(stranger.currentPath()).startsWith("/login?wait=");
            assertThat(stranger.text(By.id("wait"))).matches("Too many failed sign-ins\\. Try again in \\d+ seconds\\.");
            stranger.open("/dashboard/events");
            assertThat(stranger.currentPath()).isEqualTo("/login");
        } finally {
            browser.forgetSession().signIn(RunningBot.ADMIN, RunningBot.ADMIN_PASSWORD);
        }
    }

    @Test
    void anOrganiserCannotReachTheAdminPagesWhichAnAdministratorUses() {
        // given: the administrator creates an account on the admin page
        browser.open("/dashboard/admin/accounts");
        browser.type(By.id("username"), "pavel").type(By.id("password"), "pavel-password-1")
                .select(By.id("role"), "Organiser").submit(By.id("create-account"));
        assertThat(browser.text(By.id("accounts"))).contains("pavel");
        var pavel = browser.forgetSession();
        try {
            // when
            pavel.signIn("pavel", "pavel-password-1");
            assertThat(pavel.currentPath()).isEqualTo("/dashboard/events");
            pavel.open("/dashboard/admin/accounts");
            // then
            assertThat(pavel.text(By.tagName("h1"))).isEqualTo("Not allowed (403)");
            pavel.open("/dashboard/events");
            assertThat(pavel.findAll(By.linkText("Accounts"))).isEmpty();
            assertThat(pavel.post("/dashboard/admin/accounts", Map.of("username", "mallory", "password",
                    "mallory-password-1", "role", "ADMIN", "_csrf", csrfToken(pavel)))).isEqualTo(403);
            // and signing out ends the session
            pavel.submit(By.cssSelector(".signout button"));
            assertThat(pavel.currentPath()).isEqualTo("/login?signedOut");
            pavel.open("/dashboard/events");
            assertThat(pavel.currentPath()).isEqualTo("/login");
        } finally {
            browser.forgetSession().signIn(RunningBot.ADMIN, RunningBot.ADMIN_PASSWORD);
        }
        assertThat(bot.bean(AccountService.class).find("mallory")).isEmpty();
    }

    @Test
    void everyDashboardPageCarriesTheSecurityHeaders() throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(bot.url("/login")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        var headers = response.headers();
        assertThat(headers.firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"));
        assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
        assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).contains("same-origin");
    }

    /** Waits as asked; when it times out, what the page wrote to the console tells why. */
    private static <T> T awaitOrShowConsole(java.util.function.Supplier<T> waiting) {
        try {
            return waiting.get();
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Timed out; the browser's console: " + browser.consoleMessages(), e);
        }
    }

    private static String csrfToken(HeadlessChromium page) {
        return page.find(By.cssSelector("form.signout input[name=_csrf]")).getDomAttribute("value");
    }

    /** A datetime-local field takes its value through the page (typing follows the browser's locale). */
    private static void dateTime(String id, String value) {
        browser.script("document.getElementById(arguments[0]).value = arguments[1]", id, value);
    }

    private static long event(String title, OffsetDateTime startsAt) {
        var response = bot.post("/api/v1/events", """
                {"title": "%s", "startsAt": "%s", "endsAt": "%s", "timeZone": "Europe/Moscow",
                 "talks": [{"title": "Доклад", "speaker": "Таисия Петрова"}]}"""
                .formatted(title, startsAt.withOffsetSameInstant(ZoneOffset.UTC),
                        startsAt.plusHours(2).withOffsetSameInstant(ZoneOffset.UTC)));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    private static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }
}
