package ru.eventbot.e2e;

import ru.eventbot.testsupport.ScratchDirectories;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.FileSystemUtils;
import ru.eventbot.EventBotApplication;
import ru.eventbot.testsupport.browser.HeadlessChromium;

/**
 * A newcomer without a token opens the sandbox in a real browser and talks to the bot: /start, the demo event's card,
 * 👍, and Taisia's slides, downloaded from the page.
 */
class SandboxBrowserTests {

    static Path dataDir;
    static ConfigurableApplicationContext app;
    static HeadlessChromium browser;

    @BeforeAll
    static void startWithoutATokenAndOpenABrowser() throws IOException {
        dataDir = ScratchDirectories.create("eventbot-sandbox-browser");
        app = EventBotApplication.application().run(
                "--eventbot.telegram.token=",
                "--eventbot.data-dir=" + dataDir,
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("eventbot")
                        + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
                "--server.port=0",
                "--spring.main.banner-mode=off");
        browser = HeadlessChromium.start(URI.create("http://localhost:"
                + app.getEnvironment().getProperty("local.server.port") + "/"));
    }

    @AfterAll
    static void stopEverything() throws IOException {
        if (browser != null) browser.close();
        if (app != null) app.close();
        FileSystemUtils.deleteRecursively(dataDir);
    }

    @Test
    void aNewcomerStartsTheBotLikesTheDemoEventAndDownloadsTaisiasSlidesInTheBrowser() throws Exception {
        // given
        browser.open("/sandbox/");
        assertThat(browser.text(By.id("sandbox-banner"))).contains("this is not Telegram");
        browser.click(By.xpath("//ul[@id='participant-list']//button[contains(., 'Александр')]"));
        // when
        say("/start");
        browser.awaitText(By.id("messages"), "Здравствуйте, Александр!");
        say("/events");
        browser.click(bot("button[contains(@class, 'inline-button') and contains(., 'Мастер-площадка')]"));
        browser.awaitText(By.id("messages"), "Таисия Петрова");
        browser.click(bot("button[contains(@class, 'inline-button') and starts-with(normalize-space(.), '👍')]"));
        // then
        browser.await(driver -> !driver.findElements(bot("button[normalize-space(.) = '👍 1']")).isEmpty());
        browser.awaitText(By.id("alerts"), "Спасибо");
        // when
        say("пришлите презентацию Таисии");
        var link = browser.find(By.cssSelector("#messages li.message[data-from='bot'] a.document-link"));
        // then
        var download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link.getAttribute("href")))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(new ClassPathResource(
                "ru/eventbot/sandbox/taisia-petrova-people-at-the-mfc.pdf").getContentAsByteArray());
        browser.screenshot("sandbox-chat");
        assertThat(browser.consoleMessages()).noneMatch(message -> message.contains("SEVERE"));
    }

    private static void say(String text) {
        browser.type(By.id("message-input"), text).click(By.id("send-button"));
    }

    /** The last bot message's elements matching {@code xpath} (relative to the message). */
    private static By bot(String xpath) {
        return By.xpath("(//ol[@id='messages']/li[@data-from='bot'])[last()]//" + xpath);
    }
}
