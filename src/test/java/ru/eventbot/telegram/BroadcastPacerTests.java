package ru.eventbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import ru.eventbot.broadcast.BroadcastProperties;

class BroadcastPacerTests {

    private final ShutdownSignal shutdown = new ShutdownSignal();

    @Test
    void spacesSlotsEvenlySoThatNoSecondHoldsMoreThanTheRate() {
        // given
        var pacer = new BroadcastPacer(properties(50, 1000), shutdown);
        // when
        var start = System.nanoTime();
        for (int i = 0; i < 26; i++) {
            assertThat(pacer.awaitSlot(false)).isTrue();
        }
        var elapsed = Duration.ofNanos(System.nanoTime() - start);
        // then: 25 gaps of 20 ms at least
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(490));
    }

    @Test
    void givesAChatAtMostOneMessagePerSecond() {
        // given
        var pacer = new BroadcastPacer(properties(1000, 1000), shutdown);
        // when
        assertThat(pacer.awaitChat(7)).isTrue();
        var start = System.nanoTime();
        assertThat(pacer.awaitChat(8)).isTrue();
        var otherChat = Duration.ofNanos(System.nanoTime() - start);
        assertThat(pacer.awaitChat(7)).isTrue();
        var sameChat = Duration.ofNanos(System.nanoTime() - start);
        // then
        assertThat(otherChat).isLessThan(Duration.ofMillis(100));
        assertThat(sameChat).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void stopsWaitingWhenTheApplicationStops() {
        // given
        var pacer = new BroadcastPacer(properties(1, 1), shutdown);
        assertThat(pacer.awaitSlot(false)).isTrue();
        // when
        shutdown.signal();
        // then
        assertThat(pacer.awaitSlot(false)).isFalse();
    }

    private static BroadcastProperties properties(int rate, int paidRate) {
        return new BroadcastProperties(rate, paidRate, 4, 100, Duration.ofSeconds(2), Duration.ofSeconds(5));
    }
}
