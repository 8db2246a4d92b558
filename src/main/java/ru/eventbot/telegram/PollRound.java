package ru.eventbot.telegram;

import java.util.HashSet;
import java.util.Set;

/**
 * The updates of one getUpdates answer on their way through the lanes. Its offset may be confirmed to Telegram
 * (by the next call) only once every one of them is stored for good, handled or failed: until then a crash must
 * leave them with Telegram. An update that could not be stored at all (the database gone) makes the round
 * {@link Outcome#INCOMPLETE}: the poller asks again from the same offset, and the updates stored meanwhile come
 * back as known ones and are skipped.
 */
final class PollRound {

    enum Outcome { STORED, INCOMPLETE, WAITING }

    private final Set<Long> unsettled = new HashSet<>();
    private boolean incomplete;

    synchronized void expect(long updateId) {
        unsettled.add(updateId);
    }

    /** Once per update; later calls for the same update are ignored. */
    synchronized void settled(long updateId, boolean committed) {
        if (!unsettled.remove(updateId)) {
            return;
        }
        if (!committed) {
            incomplete = true;
        }
        if (unsettled.isEmpty()) {
            notifyAll();
        }
    }

    /** Waits up to {@code millis} for every update to be settled. */
    synchronized Outcome await(long millis) throws InterruptedException {
        var deadline = System.currentTimeMillis() + millis;
        for (long left = millis; !unsettled.isEmpty() && left > 0; left = deadline - System.currentTimeMillis()) {
            wait(left);
        }
        if (!unsettled.isEmpty()) {
            return Outcome.WAITING;
        }
        return incomplete ? Outcome.INCOMPLETE : Outcome.STORED;
    }
}
