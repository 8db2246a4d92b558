package ru.eventbot;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The participants who may be in some state a table records (a comment prompt, an e-mail dialogue), kept in memory
 * by a single instance so that asking about everyone else costs no query: those in the table when first asked
 * ({@code loader}), and everyone {@link #add}ed since, before their row is written. So it is a superset of the
 * table's participants at any moment, whatever the order of the transactions; it only grows. Not for instances
 * sharing a database: they cannot see each other's additions.
 */
public final class ParticipantsWhoMay {

    private final Supplier<List<Long>> loader;
    private final Set<Long> ids = ConcurrentHashMap.newKeySet();
    private volatile boolean loaded;

    public ParticipantsWhoMay(Supplier<List<Long>> loader) {
        this.loader = loader;
    }

    /** Before the participant's row is written. */
    public void add(long telegramUserId) {
        ids.add(telegramUserId);
    }

    /** False only for a participant who is certainly not in the table. */
    public boolean include(long telegramUserId) {
        if (!loaded) {
            load();
        }
        return ids.contains(telegramUserId);
    }

    private synchronized void load() {
        if (!loaded) {
            ids.addAll(loader.get());
            loaded = true;
        }
    }
}
