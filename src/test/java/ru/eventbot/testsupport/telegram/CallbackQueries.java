package ru.eventbot.testsupport.telegram;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Callback query ids handed to the bot, and how the bot answered them. */
final class CallbackQueries {

    private static final Object UNANSWERED = new Object();

    private final ReentrantLock lock;
    private final Condition answered;
    private final Map<String, Object> queries = new HashMap<>();
    private final AtomicLong sequence = new AtomicLong(4_382_000_000_000_000_000L);

    /** @param lock shared with the rest of the fake's state, see {@link FakeTelegram} */
    CallbackQueries(ReentrantLock lock) {
        this.lock = lock;
        this.answered = lock.newCondition();
    }

    String issue() {
        String id = String.valueOf(sequence.incrementAndGet());
        lock.lock();
        try {
            queries.put(id, UNANSWERED);
        } finally {
            lock.unlock();
        }
        return id;
    }

    /** A query id that came in a raw update, so the bot may answer it. */
    void register(String id) {
        lock.lock();
        try {
            queries.putIfAbsent(id, UNANSWERED);
        } finally {
            lock.unlock();
        }
    }

    void answer(CallbackAnswer answer) {
        lock.lock();
        try {
            if (queries.get(answer.callbackQueryId()) != UNANSWERED) {
                throw BotApiError.badRequest("query is too old and response timeout expired or query ID is invalid");
            }
            queries.put(answer.callbackQueryId(), answer);
            answered.signalAll();
        } finally {
            lock.unlock();
        }
    }

    Optional<CallbackAnswer> answerTo(String callbackQueryId) {
        lock.lock();
        try {
            Object state = queries.get(callbackQueryId);
            return state instanceof CallbackAnswer answer ? Optional.of(answer) : Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    CallbackAnswer awaitAnswer(String callbackQueryId, Duration timeout) {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                Object state = queries.get(callbackQueryId);
                if (state == null) {
                    throw new IllegalArgumentException("callback query " + callbackQueryId + " was never issued");
                }
                if (state instanceof CallbackAnswer answer) {
                    return answer;
                }
                if (remaining <= 0) {
                    throw new AssertionError("expected the bot to answer callback query " + callbackQueryId
                            + " within " + timeout.toMillis() + " ms, but it did not (Telegram clients show a spinner"
                            + " on the button until answerCallbackQuery)");
                }
                remaining = answered.awaitNanos(remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            lock.unlock();
        }
    }
}
