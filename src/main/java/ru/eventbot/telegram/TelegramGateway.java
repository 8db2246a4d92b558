package ru.eventbot.telegram;

import java.io.Serializable;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The one place the bot's outgoing calls to Telegram go through. It honours 429 {@code retry_after} by pausing
 * every caller (no retry storm), reports 403 as a blocked participant, retries 5xx answers and network errors with
 * capped backoff, and treats "message is not modified" as success. It must never run inside a database
 * transaction: a slow Telegram would hold connections and locks.
 */
@Component
class TelegramGateway {

    private static final Logger log = LoggerFactory.getLogger(TelegramGateway.class);

    private final TelegramClient client;
    private final GatewayPolicy policy;
    private final ShutdownSignal shutdown;
    private final TelegramMetrics metrics;
    private final AtomicLong pausedUntilMillis = new AtomicLong();

    TelegramGateway(TelegramClient client, GatewayPolicy policy, ShutdownSignal shutdown, TelegramMetrics metrics) {
        this.client = client;
        this.policy = policy;
        this.shutdown = shutdown;
        this.metrics = metrics;
    }

    /** A call the client makes; most are {@code client.execute(method)}, uploads and webhooks have overloads. */
    @FunctionalInterface
    interface Call<T> {
        T execute(TelegramClient client) throws TelegramApiException;
    }

    <T extends Serializable> GatewayResult<T> call(BotApiMethod<T> method) {
        return call(method.getMethod(), client -> client.execute(method));
    }

    <T> GatewayResult<T> call(String methodName, Call<T> call) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Telegram must not be called inside a database transaction: "
                    + methodName);
        }
        try {
            return callWithRetries(methodName, call);
        } catch (StoppingException e) {
            return GatewayResult.notSent("the application is stopping");
        }
    }

    private <T> GatewayResult<T> callWithRetries(String methodName, Call<T> call) {
        var failures = 0;
        var rateLimitWaits = 0;
        while (true) {
            try {
                awaitPause();
                var value = call.execute(client);
                metrics.call(methodName, TelegramMetrics.Result.OK);
                return GatewayResult.done(value);
            } catch (TelegramApiRequestException e) {
                metrics.call(methodName, TelegramMetrics.resultOf(e));
                // The client reports an answer it could not parse (not JSON) with error code 0.
                var code = e.getErrorCode() == null || e.getErrorCode() == 0 ? null : e.getErrorCode();
                var description = TokenMask.mask(e.getApiResponse() != null ? e.getApiResponse() : e.getMessage());
                if (code != null && code == 429) {
                    metrics.rateLimited(retryAfterSeconds(e));
                    pauseFor(retryAfterSeconds(e), methodName);
                    if (++rateLimitWaits > policy.maxRateLimitWaits()) {
                        return GatewayResult.failed("429 too many requests, gave up after " + rateLimitWaits + " waits");
                    }
                    continue;
                }
                if (code != null && code == 403) {
                    return GatewayResult.blocked(description);
                }
                if (code != null && code == 400 && description != null
                        && description.contains("message is not modified")) {
                    return GatewayResult.done(null);
                }
                if (code != null && code < 500) {
                    log.warn("Telegram refused {}: {} {}", methodName, code, description);
                    return GatewayResult.failed(code + " " + description);
                }
                // 5xx, or an answer that was not a Telegram response at all (no error code): worth another try
                if (!backOff(++failures, methodName, code + " " + description)) {
                    return GatewayResult.failed(code + " " + description);
                }
            } catch (TelegramApiException e) {
                metrics.call(methodName, TelegramMetrics.resultOf(e));
                if (!backOff(++failures, methodName, rootMessage(e))) {
                    return GatewayResult.failed("network: " + rootMessage(e));
                }
            }
        }
    }

    private boolean backOff(int failures, String method, String reason) {
        if (failures >= policy.maxAttempts()) {
            log.warn("Telegram call {} failed {} times, giving up: {}", method, failures, reason);
            return false;
        }
        var wait = policy.backoff(failures);
        log.info("Telegram call {} failed ({}), retry {} in {} ms", method, reason, failures, wait.toMillis());
        if (!shutdown.sleep(wait.toMillis())) {
            throw new StoppingException();
        }
        return true;
    }

    private void pauseFor(int seconds, String method) {
        var until = System.currentTimeMillis() + seconds * 1000L;
        var previous = pausedUntilMillis.getAndAccumulate(until, Math::max);
        if (previous < until) {
            log.warn("Telegram answered 429 to {}: every call waits {} s (retry_after)", method, seconds);
        }
    }

    private void awaitPause() {
        long wait;
        while ((wait = pausedUntilMillis.get() - System.currentTimeMillis()) > 0) {
            if (!shutdown.sleep(wait)) {
                throw new StoppingException();
            }
        }
    }

    private static final class StoppingException extends RuntimeException {
        StoppingException() {
            super(null, null, false, false);
        }
    }

    /** Millis until calls may go again; 0 when not paused. Lets the broadcaster hold back while Telegram is rate-limiting us. */
    long pausedForMillis() {
        return Math.max(0, pausedUntilMillis.get() - System.currentTimeMillis());
    }

    private static int retryAfterSeconds(TelegramApiRequestException e) {
        var parameters = e.getParameters();
        var retryAfter = parameters == null ? null : parameters.getRetryAfter();
        return retryAfter == null || retryAfter < 1 ? 1 : retryAfter;
    }

    private static String rootMessage(Throwable e) {
        var root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + TokenMask.mask(root.getMessage());
    }
}
