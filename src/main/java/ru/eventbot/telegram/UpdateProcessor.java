package ru.eventbot.telegram;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.MessageSource;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ru.eventbot.conversation.ConversationService;
import ru.eventbot.conversation.DeliveryOutcome;
import ru.eventbot.conversation.InboundMessage;
import ru.eventbot.conversation.OutboxMessage;
import ru.eventbot.participant.Language;
import ru.eventbot.participant.ParticipantService;

/**
 * Handles one stored update exactly once: in one transaction it marks the update handled, stores what came in,
 * lets the handler work and stores its replies PENDING; only after the commit does the lane send them. If the
 * handler throws, the update is marked FAILED (never retried), the message is still kept for the organisers, and
 * the participant gets a kind apology.
 */
@Component
class UpdateProcessor {

    private static final Logger log = LoggerFactory.getLogger(UpdateProcessor.class);
    private static final int CONFLICT_ATTEMPTS = 3;

    private final InboundUpdateStore store;
    private final IncomingFactory incomingFactory;
    private final UpdateRouter router;
    private final ParticipantService participants;
    private final ConversationService conversations;
    private final MessageSource messages;
    private final TransactionTemplate transaction;
    private final FloodGuard floodGuard;
    private final TelegramMetrics metrics;
    private final ChatOrder chatOrder;

    UpdateProcessor(InboundUpdateStore store, IncomingFactory incomingFactory, UpdateRouter router,
                    ParticipantService participants, ConversationService conversations, MessageSource messages,
                    TransactionTemplate transaction, FloodGuard floodGuard, TelegramMetrics metrics,
                    ChatOrder chatOrder) {
        this.chatOrder = chatOrder;
        this.floodGuard = floodGuard;
        this.metrics = metrics;
        this.store = store;
        this.incomingFactory = incomingFactory;
        this.router = router;
        this.participants = participants;
        this.conversations = conversations;
        this.messages = messages;
        this.transaction = transaction;
    }

    /**
     * Handles a lane's batch in one transaction (one commit for many updates is what makes intake fast) and
     * returns the replies to send once it has committed. If any handler throws, the batch is rolled back and each
     * update is handled on its own, so one bad update fails alone.
     *
     * <p>The outcomes of the lane's earlier sends ({@code unrecorded}, still named in its journal) are recorded in
     * the same transaction, which spares a commit per batch.
     */
    List<OutboxMessage> handle(List<StoredUpdate> batch, List<DeliveryOutcome> unrecorded) {
        var ordered = new ArrayList<>(batch);
        try {
            var handled = new int[1];
            var replies = transaction.execute(status -> {
                handled[0] = 0;
                var caughtUp = chatOrder.lockAndCatchUp(batch);
                ordered.clear();
                ordered.addAll(caughtUp);
                conversations.recordOutcomes(unrecorded);
                var queued = new ArrayList<OutboxMessage>(ordered.size());
                for (var stored : ordered) {
                    putContext(stored);
                    var own = handleInTransaction(stored, incomingFactory.from(stored.updateId(), stored.update()));
                    if (own != null) {
                        handled[0]++;
                        queued.addAll(own);
                    }
                }
                // committed for the whole batch: what runs after the commit is about no single update
                clearContext();
                return queued;
            });
            metrics.handled(handled[0]);
            return replies;
        } catch (RuntimeException e) {
            log.debug("A batch of {} update(s) failed; handling them one by one", batch.size(), e);
        } finally {
            clearContext();
        }
        conversations.recordOutcomes(unrecorded);
        var replies = new ArrayList<OutboxMessage>();
        for (var stored : ordered) {
            replies.addAll(handleAlone(stored));
        }
        return replies;
    }

    /** Records outcomes that no batch took along (the lane is idle). */
    void record(List<DeliveryOutcome> unrecorded) {
        conversations.recordOutcomes(unrecorded);
    }

    private List<OutboxMessage> handleAlone(StoredUpdate stored) {
        putContext(stored);
        Incoming incoming = null;
        try {
            incoming = incomingFactory.from(stored.updateId(), stored.update());
            var replies = handleRetryingConflicts(stored, incoming);
            if (replies == null) {
                return List.of();
            }
            metrics.handled(1);
            return replies;
        } catch (RuntimeException e) {
            log.error("Handling update {} failed; it is marked FAILED and not retried", stored.updateId(), e);
            return recordFailure(stored, incoming, e);
        } finally {
            clearContext();
        }
    }

    /**
     * One update in its own transaction. Another lane may be creating the same row meanwhile (a participant who
     * writes in a group and in private at once, say): the loser's transaction fails on the unique key, and once the
     * winner has committed, handling it again simply finds the row. A conflict the retries do not resolve is thrown.
     */
    private List<OutboxMessage> handleRetryingConflicts(StoredUpdate stored, Incoming in) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> {
                    chatOrder.lockAndCatchUp(List.of(stored)); // earlier ones of the chat were tried in the batch
                    return handleInTransaction(stored, in);
                });
            } catch (DataIntegrityViolationException | ConcurrencyFailureException conflict) {
                if (attempt == CONFLICT_ATTEMPTS) {
                    throw conflict;
                }
                log.debug("Update {} met a concurrent change (attempt {}); handling it again", stored.updateId(),
                        attempt, conflict);
                pauseBeforeRetry(attempt);
            }
        }
    }

    private static void pauseBeforeRetry(int attempt) {
        try {
            Thread.sleep(10L * attempt); // the lane's own thread, never inside H2: an interrupt is harmless here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the log lines written meanwhile are about, also on the lanes' threads (see config/application.yml). */
    private static void putContext(StoredUpdate stored) {
        MDC.put("updateId", String.valueOf(stored.updateId()));
        if (stored.chatId() != null) {
            MDC.put("chatId", String.valueOf(stored.chatId()));
        } else {
            MDC.remove("chatId");
        }
    }

    private static void clearContext() {
        MDC.remove("updateId");
        MDC.remove("chatId");
    }

    /** The replies to send, or null when the update was handled before (a re-delivery) or given up on. */
    private List<OutboxMessage> handleInTransaction(StoredUpdate stored, Incoming in) {
        if (!store.markHandled(stored.updateId())) {
            return null;
        }
        var replies = new Replies(in, languageOf(in), messages);
        record(in);
        var verdict = in.from() == null ? FloodGuard.Verdict.ADMIT : floodGuard.check(in.from().telegramUserId());
        if (verdict == FloodGuard.Verdict.ADMIT) {
            router.route(in).ifPresent(handler -> handler.handle(in, replies));
        } else if (verdict == FloodGuard.Verdict.WARN && in.privateChat() && in.chatId() != null) {
            replies.send("flood.warning"); // the rest is stored for the organisers, not answered
        }
        return conversations.queueReplies(replies.all(), stored.updateId());
    }

    private List<OutboxMessage> recordFailure(StoredUpdate stored, Incoming incoming, RuntimeException cause) {
        var marked = new boolean[1];
        try {
            var apology = transaction.execute(status -> {
                marked[0] = store.markFailed(stored.updateId(), cause.getClass().getName() + ": " + cause.getMessage());
                if (!marked[0]) {
                    return List.<OutboxMessage>of();
                }
                if (incoming == null) {
                    return List.<OutboxMessage>of();
                }
                record(incoming);
                if (!incoming.privateChat() || incoming.chatId() == null || incoming.from() == null) {
                    return List.<OutboxMessage>of();
                }
                var replies = new Replies(incoming, languageOf(incoming), messages);
                if (incoming.callbackQueryId() != null) {
                    replies.answerCallback("error.button");
                }
                replies.send("error.apology");
                return conversations.queueReplies(replies.all(), stored.updateId());
            });
            if (marked[0]) {
                metrics.failed();
            }
            return apology;
        } catch (RuntimeException e) {
            // The update stays RECEIVED and is tried again at the next start (up to InboundUpdateStore.MAX_ATTEMPTS).
            log.error("Could not record the failure of update {}", stored.updateId(), e);
            return List.of();
        }
    }

    private void record(Incoming in) {
        if (in.from() != null && in.privateChat()) {
            participants.touch(in.from());
        }
        if (in.chatId() != null) {
            conversations.recordInbound(new InboundMessage(in.telegramUserId(), in.chatId(), in.kind(), in.text(),
                    in.messageId(), in.updateId()));
        }
    }

    private static Language languageOf(Incoming in) {
        return in.from() == null ? Language.RU : in.from().language();
    }
}
