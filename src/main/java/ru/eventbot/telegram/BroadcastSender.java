package ru.eventbot.telegram;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import ru.eventbot.broadcast.BroadcastKind;
import ru.eventbot.broadcast.BroadcastProperties;
import ru.eventbot.broadcast.BroadcastService;
import ru.eventbot.broadcast.DeliveryKey;
import ru.eventbot.broadcast.DeliveryResult;
import ru.eventbot.broadcast.DeliveryState;
import ru.eventbot.broadcast.DeliveryTask;
import ru.eventbot.conversation.Keyboard;
import ru.eventbot.feedback.FeedbackService;
import ru.eventbot.fleet.Fleet;
import ru.eventbot.participant.ParticipantService;

/**
 * Sends broadcasts: claims recipients in batches, paces the calls ({@link BroadcastPacer}), sends them on its own
 * threads (never the threads that handle updates, so participants keep getting answers during a broadcast) and
 * records what became of each copy, batch by batch.
 *
 * <p>The window between a call and its record: each copy is journaled ({@link DeliveryJournal}) right before its
 * call and right after it. If the process dies, the copies whose calls were under way, at most one per sender
 * thread, are marked UNCERTAIN at the next start and counted in the broadcast's figures: Telegram may or may not
 * have delivered them, and the bot does not send them again. Every other copy is either recorded or sent after the
 * restart; none is sent twice.
 */
@Component
class BroadcastSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BroadcastSender.class);
    private static final int BATCHES_IN_FLIGHT = 6;
    private static final long IDLE_MILLIS = 200;

    private final BroadcastService broadcasts;
    private final TelegramGateway gateway;
    private final BroadcastPacer pacer;
    private final DeliveryJournal journal;
    private final EventButtons buttons;
    private final ParticipantService participants;
    private final BroadcastProgressReporter progress;
    private final BroadcastProperties properties;
    private final FeedbackService feedback;
    private final RecentCopies recentCopies;
    private final Cancellations cancellations;
    private final Fleet fleet;
    private final Semaphore batchesInFlight = new Semaphore(BATCHES_IN_FLIGHT);
    private final ExecutorService senders;
    private final LinkedBlockingQueue<Claimed> ready = new LinkedBlockingQueue<>();
    private final Semaphore idleSenders;
    private volatile boolean running;
    private Thread claimer;
    private Thread thread;

    BroadcastSender(BroadcastService broadcasts, TelegramGateway gateway, BroadcastPacer pacer, DeliveryJournal journal,
                    EventButtons buttons, ParticipantService participants, BroadcastProgressReporter progress,
                    BroadcastProperties properties, FeedbackService feedback, RecentCopies recentCopies, Fleet fleet) {
        this.fleet = fleet;
        this.recentCopies = recentCopies;
        this.feedback = feedback;
        this.broadcasts = broadcasts;
        this.gateway = gateway;
        this.pacer = pacer;
        this.journal = journal;
        this.buttons = buttons;
        this.participants = participants;
        this.progress = progress;
        this.properties = properties;
        this.cancellations = new Cancellations(broadcasts);
        this.idleSenders = new Semaphore(properties.senderThreads());
        var number = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(properties.senderThreads(), runnable -> {
            var sender = new Thread(runnable, "broadcast-send-" + number.incrementAndGet());
            sender.setDaemon(true);
            return sender;
        });
    }

    @Override
    public void start() {
        running = true;
        claimer = daemon(this::claimLoop, "broadcast-claimer");
        thread = daemon(this::paceLoop, "broadcaster");
    }

    private static Thread daemon(Runnable loop, String name) {
        var started = new Thread(loop, name);
        started.setDaemon(true);
        started.start();
        return started;
    }

    /**
     * Keeps copies claimed ahead of the pacer, so that database round trips never cost a sending slot (at 1,000
     * messages per second a slot is a millisecond). At most {@value #BATCHES_IN_FLIGHT} claimed batches exist.
     */
    private void claimLoop() {
        try {
            broadcasts.recover(journal.unrecordedOfEarlierRuns());
            journal.forgetEarlierRuns();
        } catch (RuntimeException e) {
            log.error("Could not recover the broadcasts of the last run; broadcasting stays off", e);
            running = false;
            return;
        }
        while (running) {
            try {
                claimAhead();
            } catch (RuntimeException e) {
                log.error("Claiming broadcast copies failed; trying again shortly", e);
                pause(1_000);
            }
        }
    }

    private void claimAhead() {
        if (!fleet.settled()) {
            pause(IDLE_MILLIS); // until every instance counts this one in its share of the rate
            return;
        }
        var paused = gateway.pausedForMillis();
        if (paused > 0) {
            pause(Math.min(paused, 500)); // Telegram asked everyone to wait (429): no claims meanwhile
            return;
        }
        if (ready.size() >= claimSize(fleet.share(properties.paidRate())) / 2) {
            pause(5);
            return;
        }
        if (!acquireBatchSlot()) {
            return;
        }
        var tasks = broadcasts.claim(claimSize(fleet.share(properties.rate())),
                claimSize(fleet.share(properties.paidRate())));
        if (tasks.isEmpty()) {
            batchesInFlight.release();
            if (batchesInFlight.availablePermits() == BATCHES_IN_FLIGHT && ready.isEmpty()) {
                finishCompleted();
            }
            pause(IDLE_MILLIS);
            return;
        }
        var batch = new ClaimedBatch(journal.openBatch(), tasks.size());
        var keyboards = new HashMap<String, Keyboard>();
        for (var task : tasks) {
            ready.add(new Claimed(task, batch, keyboards.computeIfAbsent(
                    task.kind() + ":" + task.eventId() + ":" + task.language(), key -> keyboardOf(task))));
        }
    }

    /**
     * Marks the broadcasts with every copy settled DONE and reports them. Instances sharing a broadcast all find it
     * settled at about the same moment; the broadcast's version lets one of them finish it, and the others step back.
     */
    private void finishCompleted() {
        try {
            progress.finished(broadcasts.finishCompleted());
        } catch (OptimisticLockingFailureException finishedByAnother) {
            log.debug("Another instance finished a broadcast at the same moment; it reports it", finishedByAnother);
        }
    }

    /** A quarter of a second of sending, so that a cancel leaves little already claimed. */
    private int claimSize(int rate) {
        return Math.max(1, Math.min(properties.batchSize(), rate / 4));
    }

    private boolean acquireBatchSlot() {
        try {
            return batchesInFlight.tryAcquire(IDLE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return false;
        }
    }

    /** Hands claimed copies to the sender threads, as many at once as there are threads. */
    private void paceLoop() {
        while (running) {
            try {
                var next = ready.poll(IDLE_MILLIS, TimeUnit.MILLISECONDS);
                if (next != null) {
                    pace(next);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } catch (RuntimeException e) {
                log.error("Broadcasting step failed; trying again shortly", e);
                pause(1_000);
            }
        }
    }

    private void pace(Claimed next) {
        var task = next.task();
        if (cancellations.isCancelled(task.broadcastId())) {
            next.batch().finish(new DeliveryResult(task, DeliveryState.CANCELLED, null, "the broadcast was cancelled"));
            return;
        }
        if (!running || !acquireSender()) {
            next.batch().finish(notSent(task));
            return;
        }
        try {
            next.batch().started(task);
        } catch (RuntimeException e) {
            idleSenders.release();
            next.batch().finish(notSent(task)); // not called: PENDING again
            throw e;
        }
        senders.execute(() -> {
            var result = notSent(task);
            MDC.put("broadcastId", String.valueOf(task.broadcastId()));
            MDC.put("chatId", String.valueOf(task.chatId()));
            try {
                result = deliver(task, next.keyboard(), next.batch().journal());
            } finally {
                MDC.remove("broadcastId");
                MDC.remove("chatId");
                idleSenders.release();
                next.batch().finish(result);
            }
        });
    }

    private boolean acquireSender() {
        try {
            while (running) {
                if (idleSenders.tryAcquire(IDLE_MILLIS, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return false;
        }
    }

    private static DeliveryResult notSent(DeliveryTask task) {
        return new DeliveryResult(task, DeliveryState.PENDING, null, "not sent: the bot is stopping");
    }

    private record Claimed(DeliveryTask task, ClaimedBatch batch, Keyboard keyboard) {
    }

    /** The copies claimed together: their journal, and their outcomes, recorded together once all are known. */
    private final class ClaimedBatch {

        private final DeliveryJournal.Batch journal;
        private final ConcurrentLinkedQueue<DeliveryResult> results = new ConcurrentLinkedQueue<>();
        private final AtomicInteger remaining;
        private boolean started;

        ClaimedBatch(DeliveryJournal.Batch journal, int size) {
            this.journal = journal;
            this.remaining = new AtomicInteger(size);
        }

        /** Before the batch's first call (on the pacing thread): its copies may be on the wire from now on. */
        void started(DeliveryTask first) {
            if (!started) {
                broadcasts.startSending(first.broadcastId(), first.claimId());
                started = true;
            }
        }

        DeliveryJournal.Batch journal() {
            return journal;
        }

        void finish(DeliveryResult result) {
            results.add(result);
            if (remaining.decrementAndGet() == 0) {
                complete(journal, results);
            }
        }
    }

    /** An event's buttons (with its current like count) under its announcements; the ratings under its question. */
    private Keyboard keyboardOf(DeliveryTask task) {
        if (task.eventId() == null) {
            return Keyboard.none();
        }
        if (task.kind() == BroadcastKind.FEEDBACK_REQUEST) {
            return buttons.ratings(task.eventId());
        }
        return buttons.forEvent(task.eventId(), task.language(), feedback.likeCount(task.eventId()), false);
    }

    private DeliveryResult deliver(DeliveryTask task, Keyboard keyboard, DeliveryJournal.Batch batch) {
        // the slot is taken last, right before the call, so that what Telegram receives keeps the pace
        if (!running || !awaitTelegramPause() || !pacer.awaitChat(task.chatId()) || !pacer.awaitSlot(task.paid())) {
            return notSent(task);
        }
        var key = new DeliveryKey(task.broadcastId(), task.telegramUserId());
        batch.claim(key);
        var message = SendMessage.builder()
                .chatId(task.chatId())
                .text(task.text())
                .entities(TextEntities.toTelegram(task.entities()))
                .replyMarkup(Keyboards.toMarkup(keyboard))
                .allowPaidBroadcast(task.paid() ? Boolean.TRUE : null)
                .build();
        GatewayResult<org.telegram.telegrambots.meta.api.objects.message.Message> result;
        recentCopies.calling(task.chatId());
        try {
            result = gateway.call(message);
            if (result.isDone() && result.value() != null && task.eventId() != null) {
                recentCopies.sent(task.chatId(), result.value().getMessageId().longValue(), task.eventId());
            }
        } finally {
            recentCopies.called(task.chatId());
        }
        var outcome = switch (result.outcome()) {
            case DONE -> {
                var messageId = result.value() == null ? null : result.value().getMessageId().longValue();
                yield new DeliveryResult(task, DeliveryState.SENT, messageId, null);
            }
            case BLOCKED -> {
                participants.markBlocked(task.telegramUserId());
                yield new DeliveryResult(task, DeliveryState.BLOCKED, null, result.error());
            }
            case FAILED -> {
                log.warn("Broadcast {} to chat {} failed: {}", task.broadcastId(), task.chatId(), result.error());
                yield new DeliveryResult(task, DeliveryState.FAILED, null, result.error());
            }
            case NOT_SENT -> new DeliveryResult(task, DeliveryState.PENDING, null, result.error());
        };
        batch.done(key, outcome.state());
        return outcome;
    }

    /** Waits out a 429 before the copy is journaled, so that a stop meanwhile leaves it plainly unsent. */
    private boolean awaitTelegramPause() {
        long paused;
        while ((paused = gateway.pausedForMillis()) > 0) {
            if (!running) {
                return false;
            }
            pause(Math.min(paused, 200));
        }
        return running;
    }

    private void complete(DeliveryJournal.Batch batch, ConcurrentLinkedQueue<DeliveryResult> results) {
        try {
            broadcasts.record(List.copyOf(results));
            results.stream().filter(result -> result.telegramMessageId() != null)
                    .forEach(result -> recentCopies.recorded(result.task().chatId(), result.telegramMessageId()));
            batch.discard();
        } catch (RuntimeException e) {
            // The journal stays: at the next start it settles these copies.
            log.error("Could not record a batch of {} broadcast deliveries", results.size(), e);
        } finally {
            batchesInFlight.release();
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis); // this thread never touches H2's files while sleeping, so an interrupt is harmless
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Whether a broadcast was cancelled, asked of the database at most every quarter second per broadcast. */
    private static final class Cancellations {

        private final BroadcastService broadcasts;
        private final Map<Long, long[]> checked = new ConcurrentHashMap<>();

        Cancellations(BroadcastService broadcasts) {
            this.broadcasts = broadcasts;
        }

        boolean isCancelled(long broadcastId) {
            var now = System.currentTimeMillis();
            var last = checked.get(broadcastId);
            if (last == null || now - last[0] > 250) {
                last = new long[] {now, broadcasts.isCancelled(broadcastId) ? 1 : 0};
                checked.put(broadcastId, last);
                if (checked.size() > 100) {
                    checked.entrySet().removeIf(entry -> now - entry.getValue()[0] > 60_000);
                }
            }
            return last[1] == 1;
        }
    }

    /** Stops claiming, lets the calls under way finish (a few seconds at most) and records them. */
    @Override
    public void stop() {
        running = false;
        try {
            for (var loop : new Thread[] {claimer, thread}) {
                if (loop != null) {
                    loop.join(3_000);
                }
            }
            Claimed left;
            while ((left = ready.poll()) != null) {
                left.batch().finish(notSent(left.task())); // claimed, never called: PENDING again
            }
            batchesInFlight.tryAcquire(BATCHES_IN_FLIGHT, 4, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        senders.shutdown(); // never shutdownNow: an interrupt inside H2 closes the database
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after the update intake and stops before it, so its calls are not cut by the intake's shutdown. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 50;
    }

}
