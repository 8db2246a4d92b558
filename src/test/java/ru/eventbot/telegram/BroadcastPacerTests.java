package ru.eventbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import ru.eventbot.broadcast.BroadcastProperties;
import ru.eventbot.fleet.Fleet;

class BroadcastPacerTests {

    private final ShutdownSignal shutdown = new ShutdownSignal();

    @Test
    void noOneSecondWindowHoldsMoreThanTheRate() {
        // given
        var pacer = new BroadcastPacer(properties(50, 1000), shutdown, fleetOf(1));
        var asked = new long[101];
        var given = new long[101];
        // when
        for (int i = 0; i < given.length; i++) {
            asked[i] = System.nanoTime();
            assertThat(pacer.awaitSlot(false)).isTrue();
            given[i] = System.nanoTime();
        }
        // then: slot i + 50 comes a second after slot i at the earliest (each slot lies between asked and given)
        for (int i = 0; i + 50 < given.length; i++) {
            assertThat(given[i + 50] - asked[i]).isGreaterThanOrEqualTo(1_000_000_000L);
        }
    }

    @Test
    void takesItsShareOfTheRateWhenOtherInstancesBroadcastToo() {
        // given: 100 per second for the fleet, two instances
        var pacer = new BroadcastPacer(properties(100, 1000), shutdown, fleetOf(2));
        var asked = new long[101];
        var given = new long[101];
        // when
        for (int i = 0; i < given.length; i++) {
            asked[i] = System.nanoTime();
            assertThat(pacer.awaitSlot(false)).isTrue();
            given[i] = System.nanoTime();
        }
        // then: this instance's 50 per second, so 50 slots later is a second later (each slot lies between asked
        // and given)
        for (int i = 0; i + 50 < given.length; i++) {
            assertThat(given[i + 50] - asked[i]).isGreaterThanOrEqualTo(1_000_000_000L);
        }
    }

    @Test
    void spacesSlotsSoThatASecondsWorthDoesNotGoAtOnce() {
        // given
        var pacer = new BroadcastPacer(properties(50, 1000), shutdown, fleetOf(1));
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
        var pacer = new BroadcastPacer(properties(1000, 1000), shutdown, fleetOf(1));
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
        var pacer = new BroadcastPacer(properties(1, 1), shutdown, fleetOf(1));
        assertThat(pacer.awaitSlot(false)).isTrue();
        // when
        shutdown.signal();
        // then
        assertThat(pacer.awaitSlot(false)).isFalse();
    }

    private static Fleet fleetOf(int instances) {
        var fleet = mock(Fleet.class);
        when(fleet.share(anyInt())).thenAnswer(call -> Math.max(1, call.<Integer>getArgument(0) / instances));
        return fleet;
    }

    private static BroadcastProperties properties(int rate, int paidRate) {
        return new BroadcastProperties(rate, paidRate, 4, 100, Duration.ofSeconds(2), Duration.ofSeconds(5));
    }
}
