package ru.eventbot;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value for gauges that is costly to read (a count in the database): read at most once per {@code maxAge}, by
 * whichever scrape finds it stale; the others meanwhile get the last value. A failed read keeps the last value.
 */
public final class CachedGaugeValue<T> {

    private final Supplier<T> source;
    private final long maxAgeNanos;
    private volatile T value;
    private volatile long readAt;
    private volatile boolean reading;

    public CachedGaugeValue(Supplier<T> source, Duration maxAge, T initial) {
        this.source = source;
        this.maxAgeNanos = maxAge.toNanos();
        this.value = initial;
        this.readAt = System.nanoTime() - maxAgeNanos - 1;
    }

    public T get() {
        if (System.nanoTime() - readAt > maxAgeNanos && !reading) {
            synchronized (this) {
                if (System.nanoTime() - readAt > maxAgeNanos && !reading) {
                    reading = true;
                    try {
                        value = source.get();
                    } catch (RuntimeException e) {
                        // the database is down: the health endpoint says so; the gauge keeps its last value
                    } finally {
                        readAt = System.nanoTime();
                        reading = false;
                    }
                }
            }
        }
        return value;
    }
}
