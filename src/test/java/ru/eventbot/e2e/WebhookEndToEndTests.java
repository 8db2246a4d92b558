package ru.eventbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.eventbot.testsupport.telegram.FakeTelegram;

/** Webhook mode: Telegram posts updates to us; only calls with the right secret count, each update once. */
class WebhookEndToEndTests {

    static final String SECRET = "webhook_Secret-42";
    static final String PATH = "/telegram/webhook";

    static FakeTelegram telegram;
    static RunningBot bot;
    static String webhookUrl;

    @BeforeAll
    static void start() throws IOException {
        telegram = FakeTelegram.start();
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        webhookUrl = "http://127.0.0.1:" + port + PATH;
        bot = RunningBot.start(telegram.baseUrl(), telegram.token(), Map.of(
                "eventbot.telegram.mode", "webhook",
                "eventbot.telegram.webhook-url", webhookUrl,
                "eventbot.telegram.webhook-secret", SECRET,
                "server.port", String.valueOf(port)));
    }

    @AfterAll
    static void stop() {
        if (bot != null) bot.close();
        if (telegram != null) telegram.close();
    }

    @AfterEach
    void everyCallFollowedTheSpecification() {
        telegram.assertNoValidationErrors();
    }

    @Test
    void theBotRegistersItsWebhookWithTheSecretAndTheUpdatesItUses() {
        // then
        await().until(() -> telegram.webhookUrl().isPresent());
        assertThat(telegram.webhookUrl()).contains(webhookUrl);
        var setWebhook = telegram.calls("setWebhook").get(0);
        assertThat(setWebhook.param("secret_token")).isEqualTo(SECRET);
        assertThat(setWebhook.param("allowed_updates")).contains("message_reaction").contains("callback_query")
                .contains("my_chat_member");
    }

    @Test
    void aParticipantWritingThroughTheWebhookIsAnswered() {
        // given
        var taisia = telegram.user("Таисия", "Петрова");
        // when
        taisia.sends("/start");
        // then
        assertThat(taisia.awaitMessage().text()).contains("Здравствуйте, Таисия");
    }

    @Test
    void aCallWithoutTheRightSecretIsRefusedAndStoresNothing() {
        // given
        var before = storedUpdates();
        var update = "{\"update_id\": 880001, \"message\": {\"message_id\": 1, \"date\": 1700000000, "
                + "\"chat\": {\"id\": 1, \"type\": \"private\"}, \"text\": \"hi\"}}";
        // when
        var withoutSecret = post(update, null);
        var wrongSecret = post(update, SECRET + "x");
        // then
        assertThat(withoutSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.contentType()).startsWith("application/problem+json");
        assertThat(storedUpdates()).isEqualTo(before);
    }

    @Test
    void aBodyThatIsNotAnUpdateGets400AndStoresNothing() {
        // given
        var before = storedUpdates();
        // when
        var malformed = post("{\"update_id\": 12, \"message\": {", SECRET);
        var notAnUpdate = post("{\"hello\": \"world\"}", SECRET);
        // then
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(notAnUpdate.status()).isEqualTo(400);
        assertThat(storedUpdates()).isEqualTo(before);
    }

    @Test
    void theSameUpdateDeliveredTwiceIsHandledOnce() {
        // given
        var ksenia = telegram.user("Ксения", "Садовская").knownToTheBot();
        var update = "{\"update_id\": 770001, \"message\": {\"message_id\": 1, \"date\": 1700000000, "
                + "\"chat\": {\"id\": " + ksenia.id() + ", \"type\": \"private\", \"first_name\": \"Ксения\"}, "
                + "\"from\": {\"id\": " + ksenia.id() + ", \"is_bot\": false, \"first_name\": \"Ксения\"}, "
                + "\"text\": \"Мероприятие прошло успешно!\"}}";
        // when
        var first = post(update, SECRET);
        var again = post(update, SECRET);
        // then
        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(ksenia.awaitMessage().text()).contains("организаторы его прочитают");
        ksenia.noMoreMessagesWithin(Duration.ofMillis(700));
    }

    private static RunningBot.ApiResponse post(String body, String secret) {
        var request = HttpRequest.newBuilder(bot.url(PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return bot.send(request);
    }

    private static int storedUpdates() {
        return bot.jdbc().queryForObject("select count(*) from inbound_update", Integer.class);
    }
}
