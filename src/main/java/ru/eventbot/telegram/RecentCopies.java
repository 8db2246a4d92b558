package ru.eventbot.telegram;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Broadcast copies sent but not yet recorded in the database (their batch is still going out): a participant may
 * react to one within that second, and the reaction must still find the event the copy was about.
 */
@Component
class RecentCopies {

    private record Key(long chatId, long messageId) {
    }

    private final Map<Key, Long> events = new ConcurrentHashMap<>();

    void sent(long chatId, long messageId, long eventId) {
        events.put(new Key(chatId, messageId), eventId);
    }

    void recorded(long chatId, long messageId) {
        events.remove(new Key(chatId, messageId));
    }

    Optional<Long> eventOf(long chatId, long messageId) {
        return Optional.ofNullable(events.get(new Key(chatId, messageId)));
    }
}
