package ru.eventbot.telegram;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.eventbot.conversation.ConversationService;
import ru.eventbot.conversation.OutboxMessage;

/**
 * Runs before intake starts: what was in flight to Telegram when the process died is marked UNCERTAIN (never
 * re-sent), replies queued but not sent go out, and the updates that were stored but not handled are handled now,
 * oldest first, before anything new.
 */
@Component
class IntakeRecovery {

    private static final Logger log = LoggerFactory.getLogger(IntakeRecovery.class);
    private static final int PAGE = 500;

    private final InboundUpdateStore store;
    private final UpdateDispatcher dispatcher;
    private final ConversationService conversations;
    private final OutboundDelivery delivery;
    private final ClaimJournal journal;

    IntakeRecovery(InboundUpdateStore store, UpdateDispatcher dispatcher, ConversationService conversations,
                   OutboundDelivery delivery, ClaimJournal journal) {
        this.journal = journal;
        this.store = store;
        this.dispatcher = dispatcher;
        this.conversations = conversations;
        this.delivery = delivery;
    }

    void recover() {
        conversations.settleJournaled(journal.unrecordedOfEarlierRuns());
        journal.forgetEarlierRuns();
        conversations.markInterruptedDeliveriesUncertain();
        sendQueuedReplies();
        long after = Long.MIN_VALUE;
        var total = 0;
        while (true) {
            var page = store.takeUnhandled(PAGE, after);
            if (page.isEmpty()) {
                break;
            }
            for (var update : page) {
                if (!dispatcher.reserve(1)) {
                    return;
                }
                dispatcher.dispatch(update);
                after = update.updateId();
                total++;
            }
        }
        if (total > 0) {
            log.info("Resumed {} update(s) stored but not handled before the last stop", total);
        }
    }

    /** Replies committed but not yet sent when the process stopped: they go first, in the order they were made. */
    private void sendQueuedReplies() {
        long after = 0;
        var total = 0;
        List<OutboxMessage> page;
        while (!(page = conversations.pendingOutbox(after, PAGE)).isEmpty()) {
            delivery.deliverEach(page);
            after = page.get(page.size() - 1).id();
            total += page.size();
        }
        if (total > 0) {
            log.info("Sent {} repl(ies) queued but not sent before the last stop", total);
        }
    }
}
