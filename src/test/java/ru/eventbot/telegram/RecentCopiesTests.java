package ru.eventbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RecentCopiesTests {

    private final RecentCopies copies = new RecentCopies();

    @Test
    void aReactionThatOvertakesTheAnswerWithTheCopysIdWaitsForItAndFindsTheEvent() throws Exception {
        // given: the copy's call to chat 7 is under way
        copies.calling(7);
        // when: a reaction to message 42 of chat 7 is looked up, and the answer comes 200 ms later
        var found = CompletableFuture.supplyAsync(() -> copies.eventOf(7, 42));
        TimeUnit.MILLISECONDS.sleep(200);
        assertThat(found).isNotDone();
        copies.sent(7, 42, 1_001);
        copies.called(7);
        // then
        assertThat(found.get(1, TimeUnit.SECONDS)).contains(1_001L);
    }

    @Test
    void withNoCallUnderWayAnUnknownMessageIsNoCopyAtOnce() {
        // given
        copies.calling(8);
        copies.called(8);
        // when / then
        var started = System.nanoTime();
        assertThat(copies.eventOf(8, 42)).isEmpty();
        assertThat(copies.eventOf(9, 42)).isEmpty();
        assertThat(System.nanoTime() - started).isLessThan(TimeUnit.MILLISECONDS.toNanos(500));
    }

    @Test
    void aCallThatFailedEndsTheWaitWithNoEvent() throws Exception {
        // given
        copies.calling(10);
        var found = CompletableFuture.supplyAsync(() -> copies.eventOf(10, 42));
        // when: the call ends without a copy (Telegram refused it)
        TimeUnit.MILLISECONDS.sleep(100);
        copies.called(10);
        // then
        assertThat(found.get(1, TimeUnit.SECONDS)).isEmpty();
    }
}
