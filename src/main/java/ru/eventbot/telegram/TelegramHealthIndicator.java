package ru.eventbot.telegram;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * {@code telegram} in {@code /actuator/health}: whether Telegram answers {@code getMe} with this token. The answer
 * is kept for a minute, and a check never holds the health endpoint more than two seconds: it runs on a thread of
 * its own, and a slow one leaves the previous answer (or UNKNOWN at first) in place until it ends. DOWN when the
 * token is rejected (401, 404), Telegram answers 5xx or cannot be reached; UP when it answers, even with a 429.
 * Not in the readiness group: an instance keeps storing webhook updates while Telegram is away.
 */
@Component
class TelegramHealthIndicator implements HealthIndicator, DisposableBean {

    static final Duration MAX_AGE = Duration.ofSeconds(60);
    static final Duration MAX_WAIT = Duration.ofSeconds(2);

    private final TelegramClient client;
    private final TelegramMetrics metrics;
    private final ExecutorService checker = Executors.newSingleThreadExecutor(runnable -> {
        var thread = new Thread(runnable, "telegram-health");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Checked last;
    private CompletableFuture<Checked> checking;

    TelegramHealthIndicator(TelegramClient client, TelegramMetrics metrics) {
        this.client = client;
        this.metrics = metrics;
    }

    private record Checked(Health health, long atNanos) {
    }

    @Override
    public Health health() {
        var known = last;
        if (known != null && System.nanoTime() - known.atNanos() < MAX_AGE.toNanos()) {
            return known.health();
        }
        try {
            return check().get(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS).health();
        } catch (TimeoutException e) {
            return known != null ? known.health() : Health.unknown()
                    .withDetail("reason", "getMe did not answer within " + MAX_WAIT.toSeconds() + " s; still checking")
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        } catch (ExecutionException e) {
            return Health.down().withDetail("reason", e.getCause().getClass().getSimpleName()).build();
        }
    }

    /** The check under way, or a new one: one at a time, however many health requests wait for it. */
    private synchronized CompletableFuture<Checked> check() {
        if (checking == null || checking.isDone()) {
            checking = CompletableFuture.supplyAsync(() -> {
                var checked = new Checked(getMe(), System.nanoTime());
                last = checked;
                return checked;
            }, checker);
        }
        return checking;
    }

    private Health getMe() {
        try {
            var me = client.execute(new GetMe());
            metrics.call(GetMe.PATH, TelegramMetrics.Result.OK);
            return Health.up().withDetail("bot", "@" + me.getUserName()).build();
        } catch (TelegramApiRequestException e) {
            metrics.call(GetMe.PATH, TelegramMetrics.resultOf(e));
            var code = e.getErrorCode() == null ? 0 : e.getErrorCode();
            if (code == 401 || code == 404) {
                return Health.down().withDetail("reason", "Telegram rejected the bot token (" + code
                        + "): check TELEGRAM_BOT_TOKEN").build();
            }
            if (code == 429) {
                return Health.up().withDetail("reason", "rate-limited (429)").build();
            }
            return Health.down().withDetail("reason", "Telegram answered " + (code == 0 ? "something that is not "
                    + "a Bot API response" : code + " " + TokenMask.mask(e.getApiResponse()))).build();
        } catch (TelegramApiException e) {
            metrics.call(GetMe.PATH, TelegramMetrics.resultOf(e));
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return Health.down().withDetail("reason", "unreachable: " + root.getClass().getSimpleName() + ": "
                    + TokenMask.mask(root.getMessage())).build();
        }
    }

    @Override
    public void destroy() {
        checker.shutdownNow();
    }
}
