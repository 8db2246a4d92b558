package ru.eventbot.telegram;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.springframework.stereotype.Component;
import ru.eventbot.broadcast.BroadcastProperties;
import ru.eventbot.fleet.Fleet;

/**
 * Keeps broadcasts within Telegram's limits. A token bucket (Bucket4j) refilled at the configured rate spaces the
 * messages evenly, with room for a twentieth of a second's worth so that a late wake-up is made up for; a sliding
 * window over the last {@code rate} sends guarantees that no one-second window holds more than the rate (Telegram
 * counts that way, and answers bursts with 429). Paid broadcasts have their own, higher rate. A chat gets at most
 * one message per second.
 *
 * <p>Several instances on one database share the rate: each paces at an equal share of it among the instances
 * holding a lease ({@link Fleet#share}), re-read at each slot. A new instance broadcasts only once the others count
 * it in; a lost one's share goes to the others only when its lease has run out. So the fleet together stays within
 * the rate without a database round trip per message (see docs/fleet.md).
 */
@Component
class BroadcastPacer {

    private static final long CHAT_SPACING_NANOS = 1_000_000_000L;

    private final Rate free;
    private final Rate paid;
    private final ShutdownSignal shutdown;
    private final Map<Long, Long> lastSentToChat = new ConcurrentHashMap<>();

    BroadcastPacer(BroadcastProperties properties, ShutdownSignal shutdown, Fleet fleet) {
        this.free = new Rate(properties.rate(), fleet);
        this.paid = new Rate(properties.paidRate(), fleet);
        this.shutdown = shutdown;
    }

    /** A fleet-wide rate: this instance's share of it, as a bucket and a window rebuilt when the share changes. */
    private static final class Rate {

        private final int fleetRate;
        private final Fleet fleet;
        private int share;
        private Bucket bucket;
        private SlidingWindow window;

        Rate(int fleetRate, Fleet fleet) {
            this.fleetRate = fleetRate;
            this.fleet = fleet;
        }

        void refresh() {
            var now = fleet.share(fleetRate);
            if (now != share) {
                share = now;
                bucket = evenlySpaced(now);
                window = new SlidingWindow(now);
            }
        }
    }

    private static Bucket evenlySpaced(int perSecond) {
        var catchUp = Math.max(2, perSecond / 20);
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(catchUp)
                        .refillGreedy(perSecond, Duration.ofSeconds(1)).initialTokens(1).build())
                .build();
    }

    /** Waits for the next slot; false when the application is stopping. Called by one thread at a time. */
    synchronized boolean awaitSlot(boolean paidBroadcast) {
        var rate = paidBroadcast ? paid : free;
        rate.refresh();
        var bucket = rate.bucket;
        var window = rate.window;
        while (true) {
            var full = window.nanosUntilRoom(System.nanoTime());
            if (full > 0) {
                if (!pause(full)) {
                    return false;
                }
                continue;
            }
            var probe = bucket.tryConsumeAndReturnRemaining(1);
            if (probe.isConsumed()) {
                window.record(System.nanoTime());
                return true;
            }
            if (!pause(probe.getNanosToWaitForRefill())) {
                return false;
            }
        }
    }

    /** The times of the last {@code limit} sends: another may go once the oldest of them is a second old. */
    private static final class SlidingWindow {

        private final long[] sent;
        private int oldest;
        private int count;

        SlidingWindow(int limit) {
            this.sent = new long[limit];
        }

        long nanosUntilRoom(long now) {
            return count < sent.length ? 0 : sent[oldest] + 1_000_000_000L - now;
        }

        void record(long now) {
            sent[oldest] = now;
            oldest = (oldest + 1) % sent.length;
            count = Math.min(count + 1, sent.length);
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
