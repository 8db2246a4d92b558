package ru.eventbot.telegram;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * Our own getUpdates loop (rather than TelegramBots' long-polling module, whose offset moves on before updates are
 * handled): each answer's updates go to the lanes, whose transactions store them together with their handling, and
 * only once all of them have committed is the answer's offset confirmed, by the next call. Killed at any moment, the
 * bot gets back from Telegram whatever it had not stored, and skips what it had. Storing an update and handling it
 * in one transaction, rather than one to store the answer and another to handle it, halves what intake writes.
 * Updates that wait for a lane held up by Telegram are stored here instead, so that the poll goes on for the other
 * chats ({@link PollRound}).
 */
@Component
@ConditionalOnProperty(name = "eventbot.telegram.mode", havingValue = "polling", matchIfMissing = true)
class LongPollingIntake implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LongPollingIntake.class);
    private static final int BATCH = 100;
    /** How long a standby waits before it polls again (and so takes over from a poller that has stopped). */
    static final long STANDBY_MILLIS = 30_000;
    /** How long an answer's updates may wait for their lanes before the poller stores them itself. */
    static final long HAND_OFF_MILLIS = 500;

    private final PollingClient polling;
    private final InboundUpdateStore store;
    private final UpdateDispatcher dispatcher;
    private final IntakeRecovery recovery;
    private final BotCommandsRegistrar commands;
    private final TelegramProperties properties;
    private final ShutdownSignal shutdown;
    private final IntakeShutdown intakeShutdown;
    private final TelegramMetrics metrics;
    private volatile boolean running;
    private volatile Thread thread;
    private boolean standby;
    /** The polling thread's own: the offset to confirm with the next call, and the failures in a row. */
    private Integer offset;
    private int failures;

    LongPollingIntake(PollingClient polling, InboundUpdateStore store, UpdateDispatcher dispatcher,
                      IntakeRecovery recovery, BotCommandsRegistrar commands, TelegramProperties properties,
                      ShutdownSignal shutdown, IntakeShutdown intakeShutdown, TelegramMetrics metrics) {
        this.metrics = metrics;
        this.shutdown = shutdown;
        this.intakeShutdown = intakeShutdown;
        this.polling = polling;
        this.store = store;
        this.dispatcher = dispatcher;
        this.recovery = recovery;
        this.commands = commands;
        this.properties = properties;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "telegram-polling");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            recovery.recover();
            prepare();
            poll();
        } catch (RuntimeException e) {
            log.error("Update intake stopped unexpectedly", e);
        }
    }

    private void prepare() {
        try {
            // A webhook left over from an earlier deployment would make every getUpdates fail with 409.
            polling.client().execute(DeleteWebhook.builder().dropPendingUpdates(false).build());
        } catch (TelegramApiException e) {
            log.warn("Could not remove a previous webhook: {}", TokenMask.mask(e.getMessage()));
        }
        commands.register();
    }

    private void poll() {
        offset = null;
        failures = 0;
        log.info("Polling Telegram for updates at {}", properties.apiUrl());
        while (running && pollOnce()) {
            // each turn in a method of its own, which the JIT compiles as a method rather than on stack
        }
        log.info("Polling stopped");
    }

    /** One getUpdates call and the storing of its updates; false to stop polling. */
    private boolean pollOnce() {
        if (!dispatcher.reserve(BATCH)) {
            return false;
        }
        var reserved = BATCH;
        try {
            var received = polling.client().getUpdates(GetUpdates.builder()
                    .offset(offset)
                    .limit(BATCH)
                    .timeout((int) properties.pollTimeout().toSeconds())
                    .allowedUpdates(UpdateType.ALLOWED_UPDATES)
                    .build());
            failures = 0;
            metrics.call(GetUpdates.PATH, TelegramMetrics.Result.OK);
            if (standby) {
                standby = false;
                log.info("This instance receives the bot's updates now (no other instance is polling)");
            }
            if (received.isEmpty()) {
                return true;
            }
            var updates = received.stream().map(ReceivedUpdate::update).toList();
            var round = new PollRound();
            var fresh = store.unseen(updates, received.stream().map(ReceivedUpdate::json).toList(), round);
            metrics.received(fresh.size());
            for (var update : fresh) {
                dispatcher.dispatch(update);
                reserved--;
            }
            var outcome = awaitStored(round, fresh);
            if (outcome == PollRound.Outcome.WAITING) {
                return false; // stopping: what is not stored stays with Telegram
            }
            if (outcome == PollRound.Outcome.INCOMPLETE) {
                failures++;
                var wait = backoff(failures);
                log.warn("Some updates of the last answer could not be stored; asking Telegram for them again in "
                        + "{} ms", wait);
                pause(wait);
                return true;
            }
            offset = nextOffset(updates);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return false;
        } catch (TelegramApiRequestException e) {
            metrics.call(GetUpdates.PATH, TelegramMetrics.resultOf(e));
            failures++;
            pause(onRefusal(e, failures));
            return true;
        } catch (TelegramApiException | RuntimeException e) {
            if (e instanceof TelegramApiException failed) {
                metrics.call(GetUpdates.PATH, TelegramMetrics.resultOf(failed));
            }
            failures++;
            if (running) {
                var wait = backoff(failures);
                log.warn("Polling failed ({}), retrying in {} ms", TokenMask.mask(e.getMessage()), wait);
                pause(wait);
            }
            return true;
        } finally {
            dispatcher.release(reserved);
        }
    }

    /**
     * Until every update of the answer is stored, or the intake stops. Updates that no lane has taken within
     * {@link #HAND_OFF_MILLIS} (their lane is held up, waiting for Telegram to take its earlier replies) are stored
     * here, as received, so that the other chats' next updates need not wait for that lane.
     */
    private PollRound.Outcome awaitStored(PollRound round, List<TakenUpdate> fresh) throws InterruptedException {
        var handOffAt = System.nanoTime() + HAND_OFF_MILLIS * 1_000_000;
        while (true) {
            var outcome = round.await(Math.max(1, Math.min(200, (handOffAt - System.nanoTime()) / 1_000_000)));
            if (outcome != PollRound.Outcome.WAITING || !running) {
                return outcome;
            }
            if (System.nanoTime() - handOffAt >= 0) {
                storeQueued(round, fresh);
                handOffAt = System.nanoTime() + HAND_OFF_MILLIS * 1_000_000;
            }
        }
    }

    private void storeQueued(PollRound round, List<TakenUpdate> fresh) {
        var queued = round.takeQueued(fresh);
        if (queued.isEmpty()) {
            return;
        }
        var committed = false;
        try {
            store.storeNew(queued.stream().map(TakenUpdate::update).toList(),
                    queued.stream().map(TakenUpdate::payload).toList());
            committed = true;
            log.info("{} update(s) waited over {} ms for a lane held up by Telegram; stored them to be handled when "
                    + "the lane is free, and polling on", queued.size(), HAND_OFF_MILLIS);
        } catch (RuntimeException e) {
            log.warn("Could not store updates waiting for a held-up lane; the lane stores them when it takes them", e);
        } finally {
            round.storedByPoller(queued, committed);
        }
    }

    private long onRefusal(TelegramApiRequestException e, int failures) {
        var code = e.getErrorCode() == null ? 0 : e.getErrorCode();
        if (code == 409) {
            if (!standby) {
                standby = true;
                log.warn("Another instance is polling this bot's token (Telegram answered 409 Conflict: {}); this one "
                        + "stands by and polls again every {} s, so it takes over when the other stops. Run one "
                        + "polling instance per token, or several with TELEGRAM_MODE=webhook.",
                        TokenMask.mask(e.getApiResponse()), STANDBY_MILLIS / 1000);
            }
            return STANDBY_MILLIS;
        }
        if (code == 401 || code == 404) {
            log.error("Telegram rejected the bot token ({}): check TELEGRAM_BOT_TOKEN. Trying again in a minute.",
                    code);
            return 60_000;
        }
        if (code == 429) {
            var retryAfter = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
            return (retryAfter == null ? 1 : retryAfter) * 1000L;
        }
        var wait = backoff(failures);
        log.warn("getUpdates failed ({} {}), retrying in {} ms", code, TokenMask.mask(e.getApiResponse()), wait);
        return wait;
    }

    private static long backoff(int failures) {
        return Math.min(30_000L, 500L << Math.min(failures - 1, 10));
    }

    private static Integer nextOffset(List<Update> updates) {
        return updates.stream().mapToInt(Update::getUpdateId).max().orElseThrow() + 1;
    }

    private void pause(long millis) {
        if (!shutdown.sleep(millis)) {
            running = false;
        }
    }

    @Override
    public void stop() {
        running = false;
        intakeShutdown.beginStopping();
        var current = thread;
        if (current != null) {
            try {
                current.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        intakeShutdown.finish();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
