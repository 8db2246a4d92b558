package ru.eventbot.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.eventbot.conversation.ConversationService;

/**
 * Runs before intake starts: what was being sent when the process died is marked UNCERTAIN (never re-sent), and
 * the updates that were stored but not handled are handled now, oldest first, before anything new.
 */
@Component
class IntakeRecovery {

    private static final Logger log = LoggerFactory.getLogger(IntakeRecovery.class);
    private static final int PAGE = 500;

    private final InboundUpdateStore store;
    private final UpdateDispatcher dispatcher;
    private final ConversationService conversations;

    IntakeRecovery(InboundUpdateStore store, UpdateDispatcher dispatcher, ConversationService conversations) {
        this.store = store;
        this.dispatcher = dispatcher;
        this.conversations = conversations;
    }

    void recover() {
        conversations.markInterruptedDeliveriesUncertain();
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
}
