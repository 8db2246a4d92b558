package ru.eventbot.testsupport.telegram;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Faults scheduled by tests: the next N calls of a method, or every call during a time window. */
final class FaultInjector {

    private static final String ANY_METHOD = "*";

    private record Window(String method, Fault fault, long untilNanos) {
    }

    /** For a while, each call of a method fails with this probability, with one of these faults chosen at random. */
    private record Flaky(String method, List<Fault> faults, double probability, java.util.Random random,
                         long untilNanos) {
    }

    private final List<Flaky> flaky = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong injected = new java.util.concurrent.atomic.AtomicLong();

    private final Map<String, Deque<Fault>> nextCalls = new HashMap<>();
    private final List<Window> windows = new ArrayList<>();
    /** Lets the hot path skip locking when no fault was ever scheduled or all have been used up. */
    private volatile boolean armed;

    synchronized void failNext(String method, int count, Fault fault) {
        Deque<Fault> queue = nextCalls.computeIfAbsent(method == null ? ANY_METHOD : method, key -> new ArrayDeque<>());
        for (int i = 0; i < count; i++) {
            queue.add(fault);
        }
        armed = true;
    }

    synchronized void failFor(String method, Duration window, Fault fault) {
        windows.add(new Window(method == null ? ANY_METHOD : method, fault, System.nanoTime() + window.toNanos()));
        armed = true;
    }

    synchronized void failRandomlyFor(String method, Duration window, double probability, long seed,
                                      List<Fault> faults) {
        flaky.add(new Flaky(method == null ? ANY_METHOD : method, List.copyOf(faults), probability,
                new java.util.Random(seed), System.nanoTime() + window.toNanos()));
        armed = true;
    }

    /** How many faults were applied so far. */
    long injected() {
        return injected.get();
    }

    synchronized void clear() {
        nextCalls.clear();
        windows.clear();
        flaky.clear();
        armed = false;
    }

    /** The fault to apply to this call of {@code method}, or null. */
    Fault take(String method) {
        if (!armed) {
            return null;
        }
        synchronized (this) {
            Fault fault = poll(method);
            if (fault == null) {
                fault = poll(ANY_METHOD);
            }
            long now = System.nanoTime();
            windows.removeIf(window -> window.untilNanos() - now <= 0);
            flaky.removeIf(window -> window.untilNanos() - now <= 0);
            if (fault == null) {
                for (Window window : windows) {
                    if (window.method().equals(method) || window.method().equals(ANY_METHOD)) {
                        fault = window.fault();
                        break;
                    }
                }
            }
            if (fault == null) {
                for (Flaky window : flaky) {
                    if ((window.method().equals(method) || window.method().equals(ANY_METHOD))
                            && window.random().nextDouble() < window.probability()) {
                        fault = window.faults().get(window.random().nextInt(window.faults().size()));
                        break;
                    }
                }
            }
            armed = !windows.isEmpty() || !flaky.isEmpty()
                    || nextCalls.values().stream().anyMatch(queue -> !queue.isEmpty());
            if (fault != null) {
                injected.incrementAndGet();
            }
            return fault;
        }
    }

    private Fault poll(String key) {
        Deque<Fault> queue = nextCalls.get(key);
        return queue == null ? null : queue.poll();
    }
}
