package ru.eventbot.telegram;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import ru.eventbot.conversation.DeliveryOutcome;
import ru.eventbot.conversation.OutboxMessage;

/**
 * A lane's replies on their way out, so that the lane handles its next batch while the previous batch's replies
 * are being sent. Each batch's replies start only once the previous batch's are all sent (each chat's in order).
 *
 * <p>Two claim logs take turns: a batch's sends are journaled in one while the other holds the previous batch's.
 * Their outcomes are recorded in the database with the lane's next transaction, and only after that commit is a
 * log emptied; a batch's sends start only on an emptied log. So at any moment each journaled claim either has its
 * outcome recorded or is still in a log, whatever instant the process is killed.
 */
final class LaneOutbox {

    private final OutboundDelivery delivery;
    private final ClaimJournal.ClaimLog[] logs;
    private final List<DeliveryOutcome> unrecorded = new ArrayList<>();
    /** Logs all of whose claims have their outcome in {@link #unrecorded}: emptied once those are recorded. */
    private final Set<ClaimJournal.ClaimLog> toEmpty = new LinkedHashSet<>();
    private int next;
    private Sending sending;

    LaneOutbox(OutboundDelivery delivery, ClaimJournal journal, String owner) {
        this.delivery = delivery;
        this.logs = new ClaimJournal.ClaimLog[] {journal.open(owner + "a"), journal.open(owner + "b")};
    }

    /** Outcomes known and not yet recorded, including those of a batch whose sending has just finished. */
    List<DeliveryOutcome> unrecorded() {
        if (sending != null && sending.outcomes().isDone()) {
            collect();
        }
        return List.copyOf(unrecorded);
    }

    /** After the commit that recorded what {@link #unrecorded()} returned. */
    void recorded() {
        toEmpty.forEach(ClaimJournal.ClaimLog::clear);
        toEmpty.clear();
        unrecorded.clear();
    }

    /** Sends a batch's replies once the previous batch's are all sent; does not wait for them. */
    void send(List<OutboxMessage> messages) {
        finish();
        if (messages.isEmpty()) {
            return;
        }
        var log = logs[next];
        if (toEmpty.contains(log)) {
            throw new IllegalStateException("claim log reused before its outcomes were recorded");
        }
        next = 1 - next;
        sending = new Sending(delivery.sendAll(messages, log), log);
    }

    /** Waits until the replies being sent are all sent. */
    void finish() {
        if (sending != null) {
            collect();
        }
    }

    /** Replies being sent, or outcomes waiting to be recorded. */
    boolean busy() {
        return sending != null || !unrecorded.isEmpty();
    }

    private void collect() {
        unrecorded.addAll(sending.outcomes().join());
        toEmpty.add(sending.log());
        sending = null;
    }

    private record Sending(CompletableFuture<List<DeliveryOutcome>> outcomes, ClaimJournal.ClaimLog log) {
    }
}
