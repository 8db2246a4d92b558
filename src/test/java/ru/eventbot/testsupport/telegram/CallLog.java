package ru.eventbot.testsupport.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/** The calls the fake answered, in order; bounded (oldest dropped first) and switchable off for benchmarks. */
final class CallLog {

    private final ReentrantLock lock;
    private final Condition added;
    private final ArrayList<RecordedCall> calls = new ArrayList<>();
    private final int limit;
    /** How many calls were dropped from the front, so that positions stay absolute. */
    private long dropped;
    private volatile boolean enabled = true;

    /** @param lock shared with the rest of the fake's state, see {@link FakeTelegram} */
    CallLog(int limit, ReentrantLock lock) {
        this.limit = limit;
        this.lock = lock;
        this.added = lock.newCondition();
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    void add(RecordedCall call) {
        if (!enabled) {
            return;
        }
        lock.lock();
        try {
            calls.add(call);
            if (calls.size() > limit) {
                int toDrop = Math.max(1, limit / 10);
                calls.subList(0, toDrop).clear();
                dropped += toDrop;
            }
            added.signalAll();
        } finally {
            lock.unlock();
        }
    }

    List<RecordedCall> all() {
        lock.lock();
        try {
            return List.copyOf(calls);
        } finally {
            lock.unlock();
        }
    }

    List<RecordedCall> byMethod(String method) {
        lock.lock();
        try {
            return calls.stream().filter(call -> call.method().equals(method)).toList();
        } finally {
            lock.unlock();
        }
    }

    void clear() {
        lock.lock();
        try {
            dropped += calls.size();
            calls.clear();
        } finally {
            lock.unlock();
        }
    }

    /** The first recorded call (past or future) of {@code method} matching {@code condition}. */
    RecordedCall await(String method, Predicate<RecordedCall> condition, Duration timeout) {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            long scanned = dropped;
            while (true) {
                for (long position = Math.max(scanned, dropped); position < dropped + calls.size(); position++) {
                    RecordedCall call = calls.get((int) (position - dropped));
                    if (call.method().equals(method) && condition.test(call)) {
                        return call;
                    }
                }
                scanned = dropped + calls.size();
                if (remaining <= 0) {
                    throw new AssertionError("expected a matching " + method + " call within " + timeout.toMillis()
                            + " ms" + (enabled ? "" : " (call recording is off!)") + "; " + method + " calls so far: "
                            + describe(calls.stream().filter(call -> call.method().equals(method)).toList()));
                }
                remaining = added.awaitNanos(remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a " + method + " call", e);
        } finally {
            lock.unlock();
        }
    }

    private static String describe(List<RecordedCall> calls) {
        if (calls.isEmpty()) {
            return "none";
        }
        List<RecordedCall> last = calls.subList(Math.max(0, calls.size() - 10), calls.size());
        StringBuilder text = new StringBuilder(calls.size() > last.size() ? "(last 10 of " + calls.size() + ")" : "");
        last.forEach(call -> text.append("\n  ").append(call));
        return text.toString();
    }
}
