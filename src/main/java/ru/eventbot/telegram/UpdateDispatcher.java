package ru.eventbot.telegram;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Hands stored updates to lanes: one thread per lane, the lane chosen by chat, so one chat's updates are handled
 * in order while different chats go concurrently. A semaphore bounds how many taken-but-unhandled updates are held
 * in memory; intake waits for room instead of queueing without bound (the rest stay with Telegram, or stored in
 * the database, until there is room).
 */
@Component
class UpdateDispatcher {

    private static final Logger log = LoggerFactory.getLogger(UpdateDispatcher.class);

    private final UpdateProcessor processor;
    private final ThreadPoolExecutor[] lanes;
    private final Semaphore room;
    private final int capacity;
    private volatile boolean accepting = true;

    UpdateDispatcher(UpdateProcessor processor, TelegramProperties properties) {
        this.processor = processor;
        this.capacity = properties.maxInFlight();
        this.room = new Semaphore(capacity);
        this.lanes = new ThreadPoolExecutor[properties.handlerLanes()];
        var threadNumber = new AtomicInteger();
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), runnable -> {
                var thread = new Thread(runnable, "update-lane-" + threadNumber.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    /** Waits until {@code count} updates more can be held; false if shutting down or interrupted. */
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
    void dispatch(StoredUpdate update) {
        var key = update.chatId() == null ? update.updateId() : update.chatId();
        try {
            lanes[(int) Math.floorMod(key, (long) lanes.length)].execute(() -> {
                try {
                    processor.process(update);
                } catch (RuntimeException e) {
                    log.error("Update {} escaped its handler's error handling", update.updateId(), e);
                } finally {
                    room.release();
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            room.release(); // it stays RECEIVED in the database and is handled at the next start
        }
    }

    int inFlight() {
        return capacity - room.availablePermits();
    }

    /**
     * Lets the lanes finish what they hold for up to {@code graceMillis}; what is left stays stored for the next
     * start. Lane threads are not interrupted (see {@link ShutdownSignal}); they are daemons and end with the JVM.
     */
    void shutdown(long graceMillis) {
        accepting = false;
        for (var lane : lanes) {
            lane.shutdown();
        }
        var deadline = System.currentTimeMillis() + graceMillis;
        try {
            for (var lane : lanes) {
                lane.awaitTermination(Math.max(0, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        var unfinished = 0;
        for (var lane : lanes) {
            unfinished += lane.getQueue().size();
            lane.getQueue().clear();
        }
        if (unfinished > 0) {
            log.info("{} update(s) left for the next start (they are stored)", unfinished);
        }
    }
}
