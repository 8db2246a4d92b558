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
 * Handles one taken update exactly once: in one transaction it marks the update handled (storing it, if it came
 * with a getUpdates answer), stores what came in, lets the handler work and stores its replies PENDING; only after
 * the commit does the lane send them. If the handler throws, the update is marked FAILED (never retried), the
 * message is still kept for the organisers, and the participant gets a kind apology. Each polled update's poll is
 * told once it is stored for good ({@link TakenUpdate#settled}).
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
    List<OutboxMessage> handle(List<TakenUpdate> batch, List<DeliveryOutcome> unrecorded) {
        var ordered = new ArrayList<>(batch);
        try {
            var handled = new int[1];
            var replies = transaction.execute(status -> {
                handled[0] = 0;
                var caughtUp = chatOrder.lockAndCatchUp(batch);
                ordered.clear();
                ordered.addAll(caughtUp);
                conversations.recordOutcomes(unrecorded);
                store.insertHandled(ordered.stream().filter(taken -> !taken.stored()).toList());
                var queued = new ArrayList<OutboxMessage>(ordered.size());
                for (var taken : ordered) {
                    if (taken.stored() && !store.markHandled(taken.updateId())) {
                        continue; // handled before, or given up on
                    }
                    putContext(taken);
                    handled[0]++;
                    queued.addAll(handleInTransaction(incomingFactory.from(taken.updateId(), taken.update())));
                }
                // committed for the whole batch: what runs after the commit is about no single update
                clearContext();
                return queued;
            });
            metrics.handled(handled[0]);
            ordered.forEach(taken -> taken.settled(true));
            return replies;
        } catch (RuntimeException | Error e) { // an Error too (a StackOverflowError in a handler): it fails alone
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

    private List<OutboxMessage> handleAlone(TakenUpdate taken) {
        putContext(taken);
        Incoming incoming = null;
        try {
            incoming = incomingFactory.from(taken.updateId(), taken.update());
            var replies = handleRetryingConflicts(taken, incoming);
            taken.settled(true);
            if (replies == null) {
                return List.of();
            }
            metrics.handled(1);
            return replies;
        } catch (RuntimeException | Error e) {
            log.error("Handling update {} failed; it is marked FAILED and not retried", taken.updateId(), e);
            return recordFailure(taken, incoming, e);
        } finally {
            clearContext();
        }
    }

    /**
     * One update in its own transaction. Another lane may be creating the same row meanwhile (a participant who
     * writes in a group and in private at once, say): the loser's transaction fails on the unique key, and once the
     * winner has committed, handling it again simply finds the row. A conflict the retries do not resolve is thrown.
     */
    private List<OutboxMessage> handleRetryingConflicts(TakenUpdate stored, Incoming in) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> {
                    chatOrder.lockAndCatchUp(List.of(stored)); // earlier ones of the chat were tried in the batch
                    return store.claim(stored) ? handleInTransaction(in) : null;
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
    private static void putContext(TakenUpdate stored) {
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

    /** The replies to send, for an update claimed in this transaction. */
    private List<OutboxMessage> handleInTransaction(Incoming in) {
        var replies = new Replies(in, languageOf(in), messages);
        record(in);
        var verdict = in.from() == null ? FloodGuard.Verdict.ADMIT : floodGuard.check(in.from().telegramUserId());
        if (verdict == FloodGuard.Verdict.ADMIT) {
            router.route(in).ifPresent(handler -> handler.handle(in, replies));
        } else if (verdict == FloodGuard.Verdict.WARN && in.privateChat() && in.chatId() != null) {
            replies.send("flood.warning"); // the rest is stored for the organisers, not answered
        }
        return conversations.queueReplies(replies.all(), in.updateId());
    }

    private List<OutboxMessage> recordFailure(TakenUpdate stored, Incoming incoming, Throwable cause) {
        var marked = new boolean[1];
        try {
            var apology = transaction.execute(status -> {
                marked[0] = store.recordFailure(stored, describe(cause));
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
            stored.settled(true);
            return apology;
        } catch (RuntimeException e) {
            // The message or the apology could not be stored (the same cause as the handler's, say): the update is
            // marked FAILED on its own, so that it does not stay pending.
            log.error("Could not record the failure of update {} with its message; marking it FAILED alone",
                    stored.updateId(), e);
            recordFailedAlone(stored, cause);
            return List.of();
        }
    }

    /**
     * Last resort for an update whose failure could not be recorded with its message and apology. If even that
     * fails (the database gone), a stored update stays RECEIVED and is tried again at the next start (up to
     * InboundUpdateStore.MAX_ATTEMPTS), and a polled one is left with Telegram, which delivers it again.
     */
    private void recordFailedAlone(TakenUpdate taken, Throwable cause) {
        try {
            var recorded = transaction.execute(status -> store.recordFailure(taken, describe(cause)));
            if (Boolean.TRUE.equals(recorded)) {
                metrics.failed();
            }
            taken.settled(true);
        } catch (RuntimeException e) {
            if (taken.stored()) {
                log.error("Could not mark update {} FAILED; it stays stored and is tried again at the next start",
                        taken.updateId(), e);
            } else {
                log.error("Could not store update {} at all; Telegram keeps it and delivers it again",
                        taken.updateId(), e);
                taken.settled(false);
            }
        }
    }

    /** What a FAILED update's row says went wrong. */
    private static String describe(Throwable cause) {
        return cause.getClass().getName() + ": " + cause.getMessage();
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
