package ru.eventbot.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import ru.eventbot.fleet.InstanceLost;

/**
 * Another instance's lease ran out: the updates it had stored but not handled become this instance's, in the
 * taking-over transaction, and are handled here once it commits (a chat's order is kept by {@link ChatOrder}).
 */
@Component
class IntakeTakeover {

    private static final Logger log = LoggerFactory.getLogger(IntakeTakeover.class);

    private final InboundUpdateStore store;
    private final UpdateDispatcher dispatcher;

    IntakeTakeover(InboundUpdateStore store, UpdateDispatcher dispatcher) {
        this.store = store;
        this.dispatcher = dispatcher;
    }

    @EventListener
    void takeOver(InstanceLost lost) {
        var updates = store.takeOver(lost.instanceId(), lost.takenOverBy());
        if (updates.isEmpty()) {
            return;
        }
        log.warn("Lost instance {} left {} update(s) stored but not handled; handling them here", lost.instanceId(),
                updates.size());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                var handOver = new Thread(() -> {
                    for (var update : updates) {
                        if (!dispatcher.reserve(1)) {
                            return; // stopping: they stay stored, owned by this instance
                        }
                        dispatcher.dispatch(update);
                    }
                }, "intake-takeover");
                handOver.setDaemon(true);
                handOver.start();
            }
        });
    }
}
