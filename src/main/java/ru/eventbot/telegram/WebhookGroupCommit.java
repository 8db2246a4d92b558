package ru.eventbot.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;

/**
 * Stores the updates of concurrent webhook calls in one transaction: while one commit is under way, the calls that
 * arrive meanwhile queue up and go into the next. Telegram keeps up to 40 webhook connections open, and a commit
 * per call is what limited webhook intake (each waits for the store's commit in turn); a shared commit costs each
 * call no more than the one it would have had alone.
 *
 * <p>Each call has reserved room with the dispatcher before it is queued. After the commit, this thread dispatches
 * the updates stored for the first time and gives back the room of re-deliveries; only then are the calls told, so
 * that a call which gave up waiting leaves nothing stored and undispatched.
 */
final class WebhookGroupCommit {

    static final int MAX_BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(WebhookGroupCommit.class);

    private final InboundUpdateStore store;
    private final UpdateDispatcher dispatcher;
    private final TelegramMetrics metrics;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;

    WebhookGroupCommit(InboundUpdateStore store, UpdateDispatcher dispatcher, TelegramMetrics metrics) {
        this.store = store;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
        this.writer = new Thread(this::writeLoop, "telegram-webhook-store");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Queues an update for which room was reserved; completes with whether it was new (false: stored before, a
     * re-delivery), or exceptionally when it could not be stored (its room is given back either way).
     */
    CompletableFuture<Boolean> store(TakenUpdate update, String rawPayload) {
        var pending = new Pending(update, rawPayload, new CompletableFuture<>());
        if (!running) {
            dispatcher.release(1);
            pending.stored().completeExceptionally(new IllegalStateException("the bot is stopping"));
            return pending.stored();
        }
        queue.add(pending);
        return pending.stored();
    }

    private void writeLoop() {
        var batch = new ArrayList<Pending>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                // never interrupted: an interrupt inside H2 closes the database
                var first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Storing webhook updates failed unexpectedly", e);
                batch.forEach(pending -> fail(pending, e));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        List<TakenUpdate> fresh;
        try {
            fresh = store.storeNew(batch.stream().map(p -> p.update().update()).toList(),
                    batch.stream().map(Pending::rawPayload).toList());
        } catch (DuplicateKeyException concurrentDelivery) {
            // another instance (or an earlier batch of a re-delivery) stored one of them meanwhile: one by one
            batch.forEach(this::writeAlone);
            return;
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                fail(batch.get(0), e);
            } else {
                batch.forEach(this::writeAlone); // one bad update fails alone
            }
            return;
        }
        var freshIds = new java.util.HashSet<Long>();
        fresh.forEach(update -> freshIds.add(update.updateId()));
        metrics.received(fresh.size());
        for (var pending : batch) {
            var isNew = freshIds.remove(pending.update().updateId()); // a twice-queued update is new only once
            if (isNew) {
                dispatcher.dispatch(pending.update());
            } else {
                dispatcher.release(1);
            }
            pending.stored().complete(isNew);
        }
    }

    private void writeAlone(Pending pending) {
        try {
            var isNew = store.storeOne(pending.update(), pending.rawPayload());
            if (isNew) {
                metrics.received(1);
                dispatcher.dispatch(pending.update());
            } else {
                dispatcher.release(1);
            }
            pending.stored().complete(isNew);
        } catch (RuntimeException e) {
            fail(pending, e);
        }
    }

    private void fail(Pending pending, RuntimeException cause) {
        if (pending.stored().completeExceptionally(cause)) {
            dispatcher.release(1);
        }
    }

    /** Stores what is queued, then ends; calls queued later are refused (Telegram delivers them again). */
    void stop() {
        running = false;
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Pending left; (left = queue.poll()) != null; ) {
            fail(left, new IllegalStateException("the bot is stopping"));
        }
    }

    private record Pending(TakenUpdate update, String rawPayload, CompletableFuture<Boolean> stored) {
    }
}
