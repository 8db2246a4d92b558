package ru.eventbot.telegram;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Waits that end early when the application stops. Used instead of {@code Thread.interrupt()}, which must not
 * reach a thread inside H2: an interrupted file channel closes the embedded database.
 */
@Component
class ShutdownSignal {

    private final CountDownLatch stopping = new CountDownLatch(1);

    /** Sleeps up to {@code millis}; false when the application began stopping meanwhile. */
    boolean sleep(long millis) {
        if (millis <= 0) {
            return !isStopping();
        }
        try {
            return !stopping.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void signal() {
        stopping.countDown();
    }

    boolean isStopping() {
        return stopping.getCount() == 0;
    }
}
