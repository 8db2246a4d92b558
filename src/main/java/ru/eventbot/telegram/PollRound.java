package ru.eventbot.telegram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The updates of one getUpdates answer on their way through the lanes. Its offset may be confirmed to Telegram
 * (by the next call) only once every one of them is stored for good, handled or failed: until then a crash must
 * leave them with Telegram. An update that could not be stored at all (the database gone) makes the round
 * {@link Outcome#INCOMPLETE}: the poller asks again from the same offset, and the updates stored meanwhile come
 * back as known ones and are skipped.
 *
 * <p>Each update is stored by exactly one of two parties. Normally its lane does, in the transaction that handles
 * it. But a lane can be held up outside its transaction (waiting for Telegram to take its earlier replies), and the
 * poll must not wait for it, or every chat would wait with it: so the poller may store, as received, the updates
 * no lane has taken yet ({@link #takeQueued}), and the lane then handles them as stored ones. Whoever takes an
 * update first stores it; a lane that comes for an update while the poller is storing it waits for that to end.
 */
final class PollRound {

    enum Outcome { STORED, INCOMPLETE, WAITING }

    /** Who stores an update, and whether its lane has said how that went. */
    private enum Holder { QUEUED, LANE, POLLER_STORING, POLLER_STORED, SETTLED }

    private final Map<Long, Holder> holders = new HashMap<>();
    private int unsettled;
    private boolean incomplete;

    synchronized void expect(long updateId) {
        if (holders.putIfAbsent(updateId, Holder.QUEUED) == null) {
            unsettled++;
        }
    }

    /**
     * A lane about to handle the update: true if the lane stores it with its handling, false if the poller has
     * stored it already (as received). Waits while the poller is storing it.
     */
    synchronized boolean takeForLane(long updateId) throws InterruptedException {
        while (true) {
            var holder = holders.get(updateId);
            if (holder == Holder.POLLER_STORING) {
                wait();
            } else if (holder == Holder.QUEUED) {
                holders.put(updateId, Holder.LANE);
                return true;
            } else {
                return holder != Holder.POLLER_STORED;
            }
        }
    }

    /** The poller takes for storing the updates no lane has taken yet; it must then call {@link #storedByPoller}. */
    synchronized List<TakenUpdate> takeQueued(List<TakenUpdate> updates) {
        var taken = new ArrayList<TakenUpdate>();
        for (var update : updates) {
            if (holders.get(update.updateId()) == Holder.QUEUED) {
                holders.put(update.updateId(), Holder.POLLER_STORING);
                taken.add(update);
            }
        }
        return taken;
    }

    /** After {@link #takeQueued}: committed, the updates are settled; otherwise their lane stores them after all. */
    synchronized void storedByPoller(List<TakenUpdate> updates, boolean committed) {
        for (var update : updates) {
            holders.put(update.updateId(), committed ? Holder.POLLER_STORED : Holder.QUEUED);
            if (committed) {
                unsettled--;
            }
        }
        notifyAll();
    }

    /** By the lane, once per update; ignored for an update the poller stored, and for later calls. */
    synchronized void settled(long updateId, boolean committed) {
        var holder = holders.get(updateId);
        if (holder != Holder.QUEUED && holder != Holder.LANE) {
            return;
        }
        holders.put(updateId, Holder.SETTLED);
        unsettled--;
        if (!committed) {
            incomplete = true;
        }
        if (unsettled == 0) {
            notifyAll();
        }
    }

    /** Waits up to {@code millis} for every update to be settled. */
    synchronized Outcome await(long millis) throws InterruptedException {
        var deadline = System.currentTimeMillis() + millis;
        for (long left = millis; unsettled > 0 && left > 0; left = deadline - System.currentTimeMillis()) {
            wait(left);
        }
        if (unsettled > 0) {
            return Outcome.WAITING;
        }
        return incomplete ? Outcome.INCOMPLETE : Outcome.STORED;
    }
}
