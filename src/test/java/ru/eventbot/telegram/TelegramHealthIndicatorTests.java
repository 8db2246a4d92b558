package ru.eventbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import ru.eventbot.testsupport.telegram.FakeTelegram;
import ru.eventbot.testsupport.telegram.Fault;

class TelegramHealthIndicatorTests {

    private static final String WRONG_TOKEN = "987654321:WRONG_token_of_another_bot_0000000";

    private final FakeTelegram telegram = FakeTelegram.start();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @AfterEach
    void stopTelegram() {
        telegram.close();
    }

    /** The first check of a cold JVM may take longer than the two seconds health waits: then it is UNKNOWN. */
    private static Health settled(TelegramHealthIndicator indicator) {
        return await().atMost(Duration.ofSeconds(20)).until(indicator::health,
                health -> !health.getStatus().equals(Status.UNKNOWN));
    }

    private TelegramHealthIndicator indicator(String token) {
        var client = new SynchronousTelegramClient(new OkHttpClient.Builder()
                .readTimeout(Duration.ofSeconds(10)).build(), token, telegram.telegramUrl());
        return new TelegramHealthIndicator(client, new TelegramMetrics(registry));
    }

    @Test
    void isUpWithTheBotsNameWhenTelegramAcceptsTheToken() {
        // given
        var health = indicator(telegram.token());
        // when
        var result = settled(health);
        // then
        assertThat(result.getStatus()).isEqualTo(Status.UP);
        assertThat(result.getDetails()).containsEntry("bot", "@" + telegram.botUsername());
    }

    @Test
    void goesDownWhenTelegramRejectsTheTokenAndNeverShowsIt() {
        // given
        var health = indicator(WRONG_TOKEN);
        // when
        var result = settled(health);
        // then
        assertThat(result.getStatus()).isEqualTo(Status.DOWN);
        assertThat(result.getDetails().get("reason").toString()).contains("rejected the bot token (401)")
                .doesNotContain(WRONG_TOKEN);
        assertThat(registry.get("eventbot.telegram.calls").tags("method", "getme", "result", "4xx").counter().count())
                .isEqualTo(1);
        telegram.clearValidationErrors(); // the fake notes the wrong token as a mistake of the caller
    }

    @Test
    void asksTelegramAtMostOnceAMinute() {
        // given
        var health = indicator(telegram.token());
        settled(health);
        // when
        var again = health.health();
        // then
        assertThat(again.getStatus()).isEqualTo(Status.UP);
        assertThat(telegram.calls("getMe")).hasSize(1);
    }

    @Test
    void answersWithinTwoSecondsWhenTelegramIsSlowAndSaysItIsStillChecking() {
        // given
        telegram.failNext("getMe", 1, Fault.delay(Duration.ofSeconds(5)));
        var health = indicator(telegram.token());
        // when
        var started = System.nanoTime();
        var result = health.health();
        // then
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        assertThat(result.getStatus()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void goesDownWhenTelegramAnswersWithServerErrors() {
        // given
        telegram.failNext("getMe", 1, Fault.serverError(502));
        var health = indicator(telegram.token());
        // when
        var result = settled(health);
        // then
        assertThat(result.getStatus()).isEqualTo(Status.DOWN);
        assertThat(result.getDetails().get("reason").toString()).contains("502");
    }
}
