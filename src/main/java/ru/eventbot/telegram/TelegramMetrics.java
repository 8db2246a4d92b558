package ru.eventbot.telegram;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * The bot's own meters, exported at {@code /actuator/prometheus} with the {@code eventbot_} prefix: updates
 * received, handled and failed, the time from an update's intake to the commit of its handling, and every call to
 * Telegram by method and result.
 */
@Component
class TelegramMetrics {

    /** How a call to Telegram ended, as the {@code result} tag of {@code eventbot_telegram_calls_total}. */
    enum Result {
        OK("ok"), RATE_LIMITED("429"), FORBIDDEN("403"), REFUSED("4xx"), SERVER_ERROR("5xx"), NETWORK("network");

        private final String tag;

        Result(String tag) {
            this.tag = tag;
        }
    }

    private final MeterRegistry registry;
    private final Counter received;
    private final Counter handled;
    private final Counter failed;
    private final Timer handling;
    private final Counter rateLimited;
    private final Counter rateLimitWait;
    private final Map<String, Counter[]> calls = new ConcurrentHashMap<>();

    TelegramMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.received = Counter.builder("eventbot.updates.received")
                .description("Updates stored for the first time (re-deliveries not counted)").register(registry);
        this.handled = Counter.builder("eventbot.updates.handled")
                .description("Updates whose handling committed").register(registry);
        this.failed = Counter.builder("eventbot.updates.failed")
                .description("Updates whose handler threw (marked FAILED, the participant got an apology)")
                .register(registry);
        this.handling = Timer.builder("eventbot.updates.handling")
                .description("From an update's intake to the commit of its handling (queueing included)")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        this.rateLimited = Counter.builder("eventbot.telegram.rate.limited")
                .description("429 answers from Telegram").register(registry);
        this.rateLimitWait = Counter.builder("eventbot.telegram.rate.limit.wait")
                .baseUnit("seconds")
                .description("Seconds of retry_after Telegram asked for in 429 answers").register(registry);
    }

    void received(int count) {
        received.increment(count);
    }

    void handled(int count) {
        handled.increment(count);
    }

    void failed() {
        failed.increment();
    }

    void handlingTook(long nanos) {
        handling.record(Duration.ofNanos(nanos));
    }

    /** Counts a call; its counters are looked up once per method, not built and registered again per call. */
    void call(String method, Result result) {
        calls.computeIfAbsent(method, this::callCounters)[result.ordinal()].increment();
    }

    private Counter[] callCounters(String method) {
        var counters = new Counter[Result.values().length];
        for (var result : Result.values()) {
            counters[result.ordinal()] = Counter.builder("eventbot.telegram.calls")
                    .description("Calls to the Bot API by method and result (each attempt, retries included)")
                    .tag("method", method)
                    .tag("result", result.tag)
                    .register(registry);
        }
        return counters;
    }

    void rateLimited(int retryAfterSeconds) {
        rateLimited.increment();
        rateLimitWait.increment(retryAfterSeconds);
    }

    /** The result of a call that threw. */
    static Result resultOf(TelegramApiException e) {
        if (!(e instanceof TelegramApiRequestException refused) || refused.getErrorCode() == null
                || refused.getErrorCode() == 0) {
            // an IOException, or an answer that was not a Telegram response at all (a proxy's error page)
            return e instanceof TelegramApiRequestException ? Result.SERVER_ERROR : Result.NETWORK;
        }
        int code = refused.getErrorCode();
        if (code == 429) {
            return Result.RATE_LIMITED;
        }
        if (code == 403) {
            return Result.FORBIDDEN;
        }
        return code >= 500 ? Result.SERVER_ERROR : Result.REFUSED;
    }
}
