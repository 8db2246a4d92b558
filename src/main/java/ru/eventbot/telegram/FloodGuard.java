package ru.eventbot.telegram;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Per-participant flood control (Bucket4j): up to {@code eventbot.flood.messages} updates in {@code period}; beyond
 * that a participant gets one warning and their updates are stored but not answered until their bucket refills.
 */
@Component
class FloodGuard {

    private static final Logger log = LoggerFactory.getLogger(FloodGuard.class);
    private static final long WARN_AGAIN_AFTER_NANOS = Duration.ofMinutes(1).toNanos();

    enum Verdict {
        ADMIT, WARN, IGNORE
    }

    private final int messages;
    private final Duration period;
    private final Map<Long, Allowance> allowances = new ConcurrentHashMap<>();

    FloodGuard(FloodProperties properties) {
        this.messages = properties.messages();
        this.period = properties.period();
    }

    private final class Allowance {

        private final Bucket bucket = Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(messages).refillGreedy(messages, period).build())
                .build();
        private volatile long warnedAt;
        private volatile long lastSeen = System.nanoTime();
    }

    Verdict check(long telegramUserId) {
        var now = System.nanoTime();
        var allowance = allowances.computeIfAbsent(telegramUserId, id -> new Allowance());
        allowance.lastSeen = now;
        forgetQuietOnes(now);
        if (allowance.bucket.tryConsume(1)) {
            return Verdict.ADMIT;
        }
        if (allowance.warnedAt == 0 || now - allowance.warnedAt > WARN_AGAIN_AFTER_NANOS) {
            allowance.warnedAt = now;
            log.warn("Participant {} sends more than {} updates in {}; answering them is paused", telegramUserId,
                    messages, period);
            return Verdict.WARN;
        }
        return Verdict.IGNORE;
    }

    private void forgetQuietOnes(long now) {
        if (allowances.size() > 50_000) {
            var quiet = period.multipliedBy(2).toNanos();
            allowances.values().removeIf(allowance -> now - allowance.lastSeen > quiet);
        }
    }
}
