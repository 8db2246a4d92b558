package ru.eventbot.telegram;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Broadcast copies sent but not yet recorded in the database (their batch is still going out): a participant may
 * react to one within that second, and the reaction must still find the event the copy was about. A reaction can
 * even come before the sender has read Telegram's answer with the copy's message id; so the chats with a call under
 * way are known too, and a reaction from one of them waits for that call (briefly) before giving up on the copy.
 */
@Component
class RecentCopies {

    static final long IN_FLIGHT_WAIT_MILLIS = 2_000;

    private record Key(long chatId, long messageId) {
    }

    private final Map<Key, Long> events = new ConcurrentHashMap<>();
    /** Chats with a copy's call under way, and how many. */
    private final Map<Long, Integer> calling = new ConcurrentHashMap<>();

    /** Right before a copy's call. */
    void calling(long chatId) {
        calling.merge(chatId, 1, Integer::sum);
    }

    /** After the call, and after {@link #sent} if it went out. */
    void called(long chatId) {
        calling.computeIfPresent(chatId, (chat, count) -> count == 1 ? null : count - 1);
        synchronized (this) {
            notifyAll();
        }
    }

    void sent(long chatId, long messageId, long eventId) {
        events.put(new Key(chatId, messageId), eventId);
    }

    void recorded(long chatId, long messageId) {
        events.remove(new Key(chatId, messageId));
    }

    Optional<Long> eventOf(long chatId, long messageId) {
        var key = new Key(chatId, messageId);
        var deadline = System.currentTimeMillis() + IN_FLIGHT_WAIT_MILLIS;
        synchronized (this) {
            while (!events.containsKey(key) && calling.containsKey(chatId)) {
                var left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    break;
                }
                try {
                    wait(left); // a lane thread, never interrupted (see ShutdownSignal)
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return Optional.ofNullable(events.get(key));
    }
}
