package ru.eventbot.telegram;

import okhttp3.OkHttpClient;
import org.springframework.stereotype.Component;
import ru.eventbot.fleet.Fleet;

/**
 * The order of a clean stop, shared by both intakes: tell every wait to end, let the lanes finish what they hold
 * (a few seconds), then cut the connections still open so that no call keeps the JVM from exiting.
 */
@Component
class IntakeShutdown {

    static final long LANE_GRACE_MILLIS = 5_000;

    private final ShutdownSignal signal;
    private final UpdateDispatcher dispatcher;
    private final PollingClient polling;
    private final OkHttpClient telegramHttpClient;
    private final Fleet fleet;

    IntakeShutdown(ShutdownSignal signal, UpdateDispatcher dispatcher, PollingClient polling,
                   OkHttpClient telegramHttpClient, Fleet fleet) {
        this.fleet = fleet;
        this.signal = signal;
        this.dispatcher = dispatcher;
        this.polling = polling;
        this.telegramHttpClient = telegramHttpClient;
    }

    void beginStopping() {
        signal.signal();
        polling.cancelAll();
    }

    void finish() {
        // lanes ended with their journal emptied: the replies left PENDING were never sent, another may send them
        fleet.leavingSettled(dispatcher.shutdown(LANE_GRACE_MILLIS));
        polling.close();
        telegramHttpClient.dispatcher().cancelAll();
        telegramHttpClient.connectionPool().evictAll();
    }
}
