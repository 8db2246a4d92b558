package ru.eventbot.telegram;

import java.util.ArrayList;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Hands taken updates to lanes: one thread per lane, the lane chosen by chat, so one chat's updates are handled
 * in order while different chats go concurrently. A lane takes what has queued up for it (up to
 * {@link #LANE_BATCH}) and handles it in one transaction, which is what makes the durable intake fast; it handles
 * its next batch while the replies of the previous one are being sent ({@link LaneOutbox}).
 * A semaphore bounds how many taken-but-unhandled updates are held in memory; intake waits for room instead of
 * queueing without bound (the rest stay with Telegram, or stored in the database, until there is room). An update
 * dropped at a stop is either stored (handled at the next start) or still Telegram's (delivered again).
 */
@Component
class UpdateDispatcher {

    /**
     * A full getUpdates answer: a lane takes its whole share of one in a single transaction, however unevenly the
     * answer's chats fall between the lanes (with 50, a lane given 56 of 100 committed twice before the next poll).
     */
    static final int LANE_BATCH = 100;
    /** How long an idle lane keeps its sent replies' outcomes for the next batch to record (see {@link Lane#run}). */
    static final long OUTCOMES_WAIT_MILLIS = 25;
    private static final Logger log = LoggerFactory.getLogger(UpdateDispatcher.class);

    private final UpdateProcessor processor;
    private final Lane[] lanes;
    private final Semaphore room;
    private volatile boolean accepting = true;

    private final ClaimJournal journal;
    private final OutboundDelivery delivery;
    private final TelegramMetrics metrics;

    UpdateDispatcher(UpdateProcessor processor, TelegramProperties properties, ClaimJournal journal,
                     OutboundDelivery delivery, TelegramMetrics metrics) {
        this.processor = processor;
        this.metrics = metrics;
        this.journal = journal;
        this.delivery = delivery;
        this.room = new Semaphore(properties.maxInFlight());
        this.lanes = new Lane[properties.handlerLanes()];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new Lane(i + 1);
        }
    }

    /** Waits until {@code count} updates more can be held; false if shutting down. */
    boolean reserve(int count) {
        try {
            while (accepting) {
                if (room.tryAcquire(count, 200, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    boolean tryReserve(int count) {
        return accepting && room.tryAcquire(count);
    }

    void release(int count) {
        if (count > 0) {
            room.release(count);
        }
    }

    /** Dispatches an update for which room was reserved. */
    void dispatch(TakenUpdate update) {
        if (!accepting) {
            room.release(); // stored: it stays RECEIVED for the next start; polled: Telegram delivers it again
            update.settled(false);
            return;
        }
        var key = update.chatId() == null ? update.updateId() : update.chatId();
        lanes[(int) Math.floorMod(key, (long) lanes.length)].queue.add(new Queued(update, System.nanoTime()));
    }

    /**
     * Lets each lane finish the batch in hand and send its replies, for up to {@code graceMillis}; the updates still
     * queued stay stored (RECEIVED) for the next start, or for the instance taking over. Stopping after the batch
     * in hand rather than after the whole queue is what lets a busy instance stop settled within the grace: a lane
     * cut off in the middle would leave its last replies UNCERTAIN. Lane threads are not interrupted (see
     * {@link ShutdownSignal}); they are daemons and end with the JVM. Returns whether every lane ended, its
     * replies' outcomes recorded and its claim journal emptied.
     */
    boolean shutdown(long graceMillis) {
        accepting = false;
        var deadline = System.currentTimeMillis() + graceMillis;
        for (var lane : lanes) {
            lane.stopAfterBatch();
        }
        for (var lane : lanes) {
            lane.awaitStopped(deadline);
        }
        var unfinished = 0;
        for (var lane : lanes) {
            var left = new ArrayList<Queued>();
            lane.queue.drainTo(left);
            unfinished += left.size();
            left.forEach(queued -> queued.update().settled(false));
        }
        if (unfinished > 0) {
            log.info("{} update(s) left for the next start (stored, or still Telegram's)", unfinished);
        }
        for (var lane : lanes) {
            if (lane.thread.isAlive()) {
                return false;
            }
        }
        return true;
    }

    /** An update in a lane's queue, with when it was queued (for {@code eventbot_updates_handling_seconds}). */
    private record Queued(TakenUpdate update, long queuedAt) {
    }

    private final class Lane implements Runnable {

        private final BlockingQueue<Queued> queue = new LinkedBlockingQueue<>();
        private final LaneOutbox outbox;
        private final Thread thread;
        private volatile boolean stopping;

        Lane(int number) {
            outbox = new LaneOutbox(delivery, journal, "lane-" + number);
            thread = new Thread(this, "update-lane-" + number);
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void run() {
            var batch = new ArrayList<Queued>(LANE_BATCH);
            while (!stopping) {
                if (!takeAndHandle(batch)) {
                    return; // interrupted: no settling inside H2 on an interrupted thread
                }
            }
            try {
                settle();
            } catch (RuntimeException e) {
                log.error("Could not record what became of the last replies; the journal keeps it for the next start",
                        e);
            }
        }

        /**
         * One turn of the lane; false once interrupted. A method of its own rather than the loop's body: the JIT
         * compiles it like any other method, where the body of a loop that never returns is compiled on stack
         * (OSR), and compiled again whenever it meets a path it had not taken before.
         */
        private boolean takeAndHandle(ArrayList<Queued> batch) {
            try {
                var first = queue.poll();
                if (first == null && outbox.busy()) {
                    // Idle: finish sending, and let the outcomes go along with the next batch's transaction if
                    // it comes soon; a commit of their own costs as much as handling a small batch (a steady
                    // 1,000 updates/s arrives 5 per lane every 10 ms).
                    outbox.finish();
                    first = queue.poll(OUTCOMES_WAIT_MILLIS, TimeUnit.MILLISECONDS);
                }
                if (first == null) {
                    settle(); // nothing more to take along: record the outcomes now
                    first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        return true;
                    }
                }
                batch.add(first);
                queue.drainTo(batch, LANE_BATCH - 1);
                var updates = new ArrayList<TakenUpdate>(batch.size());
                for (var queued : batch) {
                    updates.add(queued.update().forLane());
                }
                var replies = processor.handle(updates, outbox.unrecorded());
                outbox.recorded();
                var handledAt = System.nanoTime();
                batch.forEach(queued -> metrics.handlingTook(handledAt - queued.queuedAt()));
                outbox.send(replies);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (RuntimeException | Error e) {
                // an Error too: a lane that died would leave its chats unanswered for good
                log.error("Updates escaped their handlers' error handling", e);
                // polled ones not known to be stored are asked for again; those stored come back as known
                batch.forEach(queued -> queued.update().settled(false));
                pauseAfterError();
                return true;
            } finally {
                room.release(batch.size());
                batch.clear();
            }
        }

        private void settle() {
            if (outbox.busy()) {
                outbox.finish();
                processor.record(outbox.unrecorded());
                outbox.recorded();
            }
        }

        private void pauseAfterError() {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void stopAfterBatch() {
            stopping = true;
        }

        void awaitStopped(long deadline) {
            try {
                thread.join(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
