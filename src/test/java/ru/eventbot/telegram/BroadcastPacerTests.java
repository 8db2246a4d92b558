package ru.eventbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import ru.eventbot.broadcast.BroadcastProperties;

class BroadcastPacerTests {

    private final ShutdownSignal shutdown = new ShutdownSignal();

    @Test
    void noOneSecondWindowHoldsMoreThanTheRate() {
        // given
        var pacer = new BroadcastPacer(properties(50, 1000), shutdown);
        var times = new long[101];
        // when
        for (int i = 0; i < times.length; i++) {
            assertThat(pacer.awaitSlot(false)).isTrue();
            times[i] = System.nanoTime();
        }
        // then: send i and send i + 50 are at least a second apart, so 101 sends take two seconds at least
        for (int i = 0; i + 50 < times.length; i++) {
            assertThat(times[i + 50] - times[i]).isGreaterThanOrEqualTo(999_000_000L);
        }
    }

    @Test
    void spacesSlotsSoThatASecondsWorthDoesNotGoAtOnce() {
        // given
        var pacer = new BroadcastPacer(properties(50, 1000), shutdown);
        // when
        var start = System.nanoTime();
        for (int i = 0; i < 26; i++) {
            assertThat(pacer.awaitSlot(false)).isTrue();
        }
        var elapsed = Duration.ofNanos(System.nanoTime() - start);
        // then: a few at once to make up for a late wake-up, the rest 20 ms apart
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(390));
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
