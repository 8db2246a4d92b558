package ru.eventbot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Updates waiting for the bot, handed out by getUpdates as Telegram does: an offset confirms (and drops) every
 * update below it, {@code limit} caps an answer, {@code allowed_updates} filters, and a call with a timeout waits
 * until an update arrives or the timeout passes, holding no thread meanwhile (the caller passes what to do with the
 * answer). A second long poll ends the first with 409, as Telegram does.
 */
final class UpdateFeed {

    /** Updates kept unconfirmed at most; beyond that the oldest are dropped (Telegram keeps them 24 hours). */
    static final int MAX_PENDING = 10_000;

    /** A long poll waiting for updates. */
    record Waiter(int limit, List<String> allowedUpdates, Consumer<List<ObjectNode>> answer,
                  Consumer<BotApiFailure> failure) {
    }

    private final IdSequence updateIds;
    private final LinkedList<ObjectNode> pending = new LinkedList<>();
    private Waiter waiter;
    private boolean stopped;

    UpdateFeed(IdSequence updateIds) {
        this.updateIds = updateIds;
    }

    /** Queues {@code {"<type>": payload}} with the next update id and wakes a waiting long poll. */
    void add(ObjectNode update) {
        Waiter woken;
        List<ObjectNode> answer;
        synchronized (this) {
            update.put("update_id", updateIds.next());
            pending.addLast(update);
            if (pending.size() > MAX_PENDING) {
                pending.removeFirst();
            }
            woken = waiter;
            answer = woken == null ? List.of() : take(woken.limit(), woken.allowedUpdates());
            if (answer.isEmpty()) {
                return;
            }
            waiter = null;
        }
        woken.answer().accept(answer);
    }

    /**
     * Answers at once when updates are there, the timeout is 0 or the feed is stopping; otherwise {@code waiter}
     * waits until {@link #add} or {@link #expire}.
     */
    void poll(Long offset, int timeoutSeconds, Waiter next) {
        Waiter superseded;
        List<ObjectNode> answer;
        synchronized (this) {
            if (offset != null) {
                confirm(offset);
            }
            answer = take(next.limit(), next.allowedUpdates());
            superseded = waiter;
            waiter = answer.isEmpty() && timeoutSeconds > 0 && !stopped ? next : null;
        }
        if (superseded != null) {
            superseded.failure().accept(BotApiFailure.conflict(
                    "terminated by other getUpdates request; make sure that only one bot instance is running"));
        }
        if (waiter != next) {
            next.answer().accept(answer);
        }
    }

    /** The waiter's timeout passed (or its connection ended): it gets an empty answer if still waiting. */
    void expire(Waiter expired) {
        synchronized (this) {
            if (waiter != expired) {
                return;
            }
            waiter = null;
        }
        expired.answer().accept(List.of());
    }

    /** Answers a waiting long poll at once and every later one without waiting: the application is stopping. */
    void stop() {
        Waiter current;
        synchronized (this) {
            stopped = true;
            current = waiter;
            waiter = null;
        }
        if (current != null) {
            current.answer().accept(List.of());
        }
    }

    synchronized int pendingCount() {
        return pending.size();
    }

    private void confirm(long offset) {
        if (offset < 0) {
            // a negative offset keeps only the last -offset updates, as in Telegram
            while (pending.size() > -offset) {
                pending.removeFirst();
            }
            return;
        }
        pending.removeIf(update -> update.get("update_id").asLong() < offset);
    }

    private List<ObjectNode> take(int limit, List<String> allowedUpdates) {
        var answer = new ArrayList<ObjectNode>();
        for (Iterator<ObjectNode> it = pending.iterator(); it.hasNext() && answer.size() < limit; ) {
            var update = it.next();
            if (allowedUpdates == null || allowedUpdates.isEmpty() || isAllowed(update, allowedUpdates)) {
                answer.add(update);
            } else {
                it.remove(); // Telegram does not keep updates of a type the bot did not ask for
            }
        }
        return answer;
    }

    private static boolean isAllowed(JsonNode update, List<String> allowedUpdates) {
        for (var type : allowedUpdates) {
            if (update.has(type)) {
                return true;
            }
        }
        return false;
    }
}
