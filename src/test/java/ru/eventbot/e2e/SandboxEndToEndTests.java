package ru.eventbot.e2e;

import ru.eventbot.testsupport.ScratchDirectories;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;
import ru.eventbot.EventBotApplication;
import ru.eventbot.sandbox.SandboxDataException;

/**
 * The application started as {@code main} starts it, without a bot token: sandbox mode, driven over real HTTP through
 * the chat page's JSON endpoints, with the bot talking to the in-process stand-in for Telegram.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxEndToEndTests {

    private static final String DEMO_TITLE = "Мастер-площадка: Внедрение инновационного технологического "
            + "инструментария в сфере предоставления государственных и муниципальных услуг";

    private Path dataDir;
    private ConfigurableApplicationContext app;
    private SandboxChat sandbox;

    @BeforeAll
    void startWithoutAToken() throws IOException {
        dataDir = ScratchDirectories.create("eventbot-sandbox");
        start();
    }

    @AfterAll
    void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        FileSystemUtils.deleteRecursively(dataDir);
    }

    @Test
    @Order(1)
    void aNewcomerStartsTheBotLikesTheDemoEventAndGetsTaisiasSlides() throws IOException {
        // given
        var alexander = sandbox.person("Александр");
        alexander.sends("/start");
        alexander.awaitText("Здравствуйте, Александр!");

        // when
        alexander.sends("/events");
        alexander.presses("Мастер-площадка");
        var card = alexander.presses("👍");

        // then
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(SandboxChat.button(alexander.message(card.path("messageId").asInt()), "👍 1")).isPresent());
        assertThat(card.path("text").asText()).contains(DEMO_TITLE).contains("Таисия Петрова");
        alexander.awaitAlert("Спасибо!");

        // when
        alexander.sends("пришлите презентацию Таисии");
        var document = alexander.awaitDocument().path("document");
        var download = alexander.download(document);

        // then
        assertThat(document.path("fileName").asText()).isEqualTo("taisia-petrova-people-at-the-mfc.pdf");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.body()).isEqualTo(slides());
    }

    @Test
    @Order(2)
    void theSimulatedOrganiserMayAskForStatistics() {
        // given
        var organiser = sandbox.organiser();
        organiser.sends("/start");

        // when
        organiser.sends("/stats");

        // then
        assertThat(organiser.awaitText("📊").path("text").asText()).contains(DEMO_TITLE);
    }

    @Test
    @Order(3)
    void theStandInAnswersOnlyTheTokenItGenerated() {
        // given
        var token = app.getEnvironment().getProperty("eventbot.sandbox.token");

        // when
        var wrong = sandbox.getBytes("/sandbox/api/bot7000000001:not-the-token/getMe");
        var right = sandbox.getBytes("/sandbox/api/bot" + token + "/getMe");

        // then
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(SandboxChat.parse(wrong.body()).path("ok").asBoolean()).isFalse();
        assertThat(SandboxChat.parse(right.body()).path("result").path("is_bot").asBoolean()).isTrue();
    }

    @Test
    @Order(4)
    void servesTheChatPageWithoutSignInWhileTheOrganisersApiStillAsksForIt() {
        // when
        var page = sandbox.getBytes("/sandbox/");
        var script = sandbox.getBytes("/sandbox/sandbox.js");
        var api = sandbox.getBytes("/api/v1/events");

        // then
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("id=\"sandbox-banner\"");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(api.statusCode()).isEqualTo(401);
    }

    @Test
    @Order(5)
    void aRealTokenIsRefusedOnTheSandboxDataFolder() {
        // when / then
        assertThatThrownBy(() -> EventBotApplication.application().run(
                "--eventbot.telegram.token=123456:real-token",
                "--eventbot.data-dir=" + dataDir,
                "--spring.main.banner-mode=off"))
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e))
                        .isInstanceOf(SandboxDataException.class));
    }

    @Test
    @Order(6)
    void aRestartKeepsOneDemoEventAndResendsTheSlidesByTheirFileId() throws IOException {
        // given
        var alexander = sandbox.person("Александр");
        alexander.sends("пришлите презентацию Таисии");
        var before = alexander.awaitDocument().path("document").path("fileId").asText();

        // when
        app.close();
        start();
        var again = sandbox.person("Александр");
        again.sends("слайды Петровой");
        var document = again.awaitDocument().path("document");

        // then
        assertThat(document.path("fileId").asText()).isEqualTo(before);
        assertThat(again.download(document).body()).isEqualTo(slides());
        assertThat(app.getBean(JdbcTemplate.class).queryForObject(
                "select count(*) from event where title = ?", Integer.class, DEMO_TITLE)).isEqualTo(1);
    }

    private void start() {
        app = EventBotApplication.application().run(
                "--eventbot.telegram.token=",
                "--eventbot.data-dir=" + dataDir,
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("eventbot")
                        + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
                "--server.port=0",
                "--spring.main.banner-mode=off");
        sandbox = new SandboxChat(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }

    private static byte[] slides() throws IOException {
        return new ClassPathResource("ru/eventbot/sandbox/taisia-petrova-people-at-the-mfc.pdf").getContentAsByteArray();
    }

}
