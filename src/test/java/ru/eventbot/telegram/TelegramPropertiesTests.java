package ru.eventbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import ru.eventbot.MissingBotTokenException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TelegramPropertiesTests {

    private static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void refusesToStartWithoutAToken(String token) {
        // given / when / then
        assertThatThrownBy(() -> polling(token))
                .isInstanceOf(MissingBotTokenException.class)
                .hasMessageContaining("TELEGRAM_BOT_TOKEN");
    }

    @Test
    void acceptsPollingWithOnlyAToken() {
        // given / when
        var properties = polling(TOKEN);

        // then
        assertThat(properties.webhookMode()).isFalse();
        assertThat(properties.mode()).isEqualTo("polling");
        assertThat(properties.token()).isEqualTo(TOKEN);
    }

    @Test
    void readsTheModeWhateverItsCaseAndSpacing() {
        // given / when
        var properties = new TelegramProperties(TOKEN, "https://api.telegram.org", " WebHook ",
                "https://bot.example.org/telegram", "s3cret_-X", Duration.ofSeconds(50), 8, 2000, 32);

        // then
        assertThat(properties.mode()).isEqualTo("webhook");
        assertThat(properties.webhookMode()).isTrue();
    }

    @Test
    void refusesAnUnknownMode() {
        // given / when / then
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TelegramProperties(TOKEN, "https://api.telegram.org", "push", null, null,
                        Duration.ofSeconds(50), 8, 2000, 32))
                .withMessageContaining("TELEGRAM_MODE");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void requiresAWebhookUrlInWebhookMode(String webhookUrl) {
        // given / when / then
        assertThatIllegalArgumentException()
                .isThrownBy(() -> webhook(webhookUrl, "secret"))
                .withMessageContaining("TELEGRAM_WEBHOOK_URL");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"has space", "slash/inside", "ünïcode", "dot.ted"})
    void requiresAWebhookSecretOfTheCharactersTelegramAllows(String secret) {
        // given / when / then
        assertThatIllegalArgumentException()
                .isThrownBy(() -> webhook("https://bot.example.org/telegram/webhook", secret))
                .withMessageContaining("TELEGRAM_WEBHOOK_SECRET");
    }

    @Test
    void refusesAWebhookSecretLongerThan256Characters() {
        // given
        var tooLong = "a".repeat(257);

        // when / then
        assertThatIllegalArgumentException()
                .isThrownBy(() -> webhook("https://bot.example.org/hook", tooLong))
                .withMessageContaining("TELEGRAM_WEBHOOK_SECRET");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "Abc_123-xyz", "________"})
    void acceptsWebhookSecretsOfTheAllowedCharacters(String secret) {
        // given / when
        var properties = webhook("https://bot.example.org/hook", secret);

        // then
        assertThat(properties.webhookSecret()).isEqualTo(secret);
    }

    @Test
    void acceptsAWebhookSecretOfExactly256Characters() {
        // given
        var longest = "Z".repeat(256);

        // when
        var properties = webhook("https://bot.example.org/hook", longest);

        // then
        assertThat(properties.webhookSecret()).hasSize(256);
    }

    @Test
    void doesNotRequireAWebhookSecretInPollingMode() {
        // given / when
        var properties = new TelegramProperties(TOKEN, "https://api.telegram.org", "polling", null, "not valid!",
                Duration.ofSeconds(50), 8, 2000, 32);

        // then
        assertThat(properties.webhookMode()).isFalse();
    }

    @Test
    void servesTheWebhookAtThePathOfItsUrl() {
        // given
        var properties = webhook("https://bot.example.org:8443/telegram/webhook?x=1", "secret");

        // when
        var path = properties.webhookPath();

        // then
        assertThat(path).isEqualTo("/telegram/webhook");
    }

    @Test
    void servesTheWebhookAtTheRootWhenItsUrlHasNoPath() {
        // given
        var properties = webhook("https://bot.example.org", "secret");

        // when / then
        assertThat(properties.webhookPath()).isEqualTo("/");
    }

    @Test
    void refusesTooFewHandlerLanesOrTooSmallABacklog() {
        // given / when / then
        assertThatIllegalArgumentException().isThrownBy(() -> new TelegramProperties(TOKEN,
                "https://api.telegram.org", "polling", null, null, Duration.ofSeconds(50), 0, 2000, 32));
        assertThatIllegalArgumentException().isThrownBy(() -> new TelegramProperties(TOKEN,
                "https://api.telegram.org", "polling", null, null, Duration.ofSeconds(50), 8, 99, 32));
    }

    @Test
    void hidesTheTokenAndTheSecretInItsTextForm() {
        // given
        var properties = webhook("https://bot.example.org/hook", "webhook_secret_value");

        // when
        var text = properties.toString();

        // then
        assertThat(text).doesNotContain(TOKEN).doesNotContain("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw")
                .doesNotContain("webhook_secret_value")
                .contains("<hidden>").contains("https://bot.example.org/hook").contains("webhook");
    }

    @Test
    void turnsTheOfficialApiUrlIntoAnHttpsTelegramUrl() {
        // given / when
        var url = TelegramClientConfiguration.toTelegramUrl("https://api.telegram.org");

        // then
        assertThat(url.getSchema()).isEqualTo("https");
        assertThat(url.getHost()).isEqualTo("api.telegram.org");
        assertThat(url.getPort()).isEqualTo(443);
        assertThat(url.isTestServer()).isFalse();
    }

    @Test
    void turnsALocalTestDoubleUrlIntoAnHttpTelegramUrlWithItsPort() {
        // given / when
        var url = TelegramClientConfiguration.toTelegramUrl("http://127.0.0.1:8081");

        // then
        assertThat(url.getSchema()).isEqualTo("http");
        assertThat(url.getHost()).isEqualTo("127.0.0.1");
        assertThat(url.getPort()).isEqualTo(8081);
    }

    @Test
    void ignoresATrailingSlashInTheApiUrl() {
        // given / when
        var withSlash = TelegramClientConfiguration.toTelegramUrl("http://localhost:8081/");
        var plainHttp = TelegramClientConfiguration.toTelegramUrl("http://localhost/");

        // then
        assertThat(withSlash.getSchema()).isEqualTo("http");
        assertThat(withSlash.getHost()).isEqualTo("localhost");
        assertThat(withSlash.getPort()).isEqualTo(8081);
        assertThat(plainHttp.getPort()).isEqualTo(80);
    }

    @Test
    void keepsThePathOfAnApiUrlToPutBeforeEveryCall() {
        // given / when
        var url = TelegramClientConfiguration.toTelegramUrl("http://127.0.0.1:8080/sandbox/api/");

        // then
        assertThat(url.getHost()).isEqualTo("127.0.0.1");
        assertThat(url.getPort()).isEqualTo(8080);
        assertThat(TelegramClientConfiguration.pathPrefix("http://127.0.0.1:8080/sandbox/api/")).isEqualTo("/sandbox/api");
        assertThat(TelegramClientConfiguration.pathPrefix("https://api.telegram.org")).isEmpty();
        assertThat(TelegramClientConfiguration.pathPrefix("http://localhost:8081/")).isEmpty();
    }

    @Test
    void refusesAnApiUrlThatIsNotAUrl() {
        // given / when / then
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TelegramClientConfiguration.toTelegramUrl("api.telegram.org"))
                .withMessageContaining("TELEGRAM_API_URL");
    }

    private static TelegramProperties polling(String token) {
        return new TelegramProperties(token, "https://api.telegram.org", "polling", null, null,
                Duration.ofSeconds(50), 8, 2000, 32);
    }

    private static TelegramProperties webhook(String url, String secret) {
        return new TelegramProperties(TOKEN, "https://api.telegram.org", "webhook", url, secret,
                Duration.ofSeconds(50), 8, 2000, 32);
    }
}
