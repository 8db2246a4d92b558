package ru.eventbot.telegram;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.springframework.stereotype.Component;
import ru.eventbot.broadcast.BroadcastProperties;

/**
 * Keeps broadcasts within Telegram's limits: a token bucket (Bucket4j) with room for one message, refilled at the
 * configured rate, spaces messages evenly, so no one-second window holds more than the rate (Telegram counts that
 * way, and answers bursts with 429); paid broadcasts have their own, higher rate. A chat gets at most one message
 * per second.
 */
@Component
class BroadcastPacer {

    private static final long CHAT_SPACING_NANOS = 1_000_000_000L;

    private final Bucket free;
    private final Bucket paid;
    private final ShutdownSignal shutdown;
    private final Map<Long, Long> lastSentToChat = new ConcurrentHashMap<>();

    BroadcastPacer(BroadcastProperties properties, ShutdownSignal shutdown) {
        this.free = evenlySpaced(properties.rate());
        this.paid = evenlySpaced(properties.paidRate());
        this.shutdown = shutdown;
    }

    private static Bucket evenlySpaced(int perSecond) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(1)
                        .refillGreedy(1, Duration.ofNanos(1_000_000_000L / perSecond)).initialTokens(1).build())
                .build();
    }

    /** Waits for the next slot; false when the application is stopping. */
    boolean awaitSlot(boolean paidBroadcast) {
        var bucket = paidBroadcast ? paid : free;
        while (true) {
            var probe = bucket.tryConsumeAndReturnRemaining(1);
            if (probe.isConsumed()) {
                return true;
            }
            if (!pause(probe.getNanosToWaitForRefill())) {
                return false;
            }
        }
    }

    /** Waits until the chat may get another message; false when the application is stopping. */
    boolean awaitChat(long chatId) {
        while (true) {
            var now = System.nanoTime();
            var last = lastSentToChat.get(chatId);
            if (last == null || now - last >= CHAT_SPACING_NANOS) {
                if (last == null ? lastSentToChat.putIfAbsent(chatId, now) == null
                        : lastSentToChat.replace(chatId, last, now)) {
                    forgetOldChats(now);
                    return true;
                }
                continue;
            }
            if (!pause(CHAT_SPACING_NANOS - (now - last))) {
                return false;
            }
        }
    }

    private void forgetOldChats(long now) {
        if (lastSentToChat.size() > 10_000) {
            lastSentToChat.values().removeIf(at -> now - at >= CHAT_SPACING_NANOS);
        }
    }

    private boolean pause(long nanos) {
        if (shutdown.isStopping()) {
            return false;
        }
        if (nanos < 20_000_000L) {
            LockSupport.parkNanos(nanos); // finer than a millisecond: at 1,000 per second, slots are 1 ms apart
            return !shutdown.isStopping();
        }
        return shutdown.sleep(nanos / 1_000_000L);
    }
}
