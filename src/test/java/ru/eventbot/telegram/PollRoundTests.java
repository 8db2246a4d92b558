package ru.eventbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PollRoundTests {

    @Test
    void anAnswerIsStoredOnceEveryUpdateOfItHasCommitted() throws InterruptedException {
        // given
        var round = new PollRound();
        round.expect(1);
        round.expect(2);
        // when
        round.settled(1, true);
        // then
        assertThat(round.await(10)).isEqualTo(PollRound.Outcome.WAITING);
        round.settled(2, true);
        assertThat(round.await(10)).isEqualTo(PollRound.Outcome.STORED);
    }

    @Test
    void oneUpdateNotStoredMakesTheAnswerIncompleteOnceTheOthersAreSettled() throws InterruptedException {
        // given
        var round = new PollRound();
        round.expect(1);
        round.expect(2);
        // when
        round.settled(1, false);
        // then: the poll still waits for the other, which may be handled meanwhile
        assertThat(round.await(10)).isEqualTo(PollRound.Outcome.WAITING);
        round.settled(2, true);
        assertThat(round.await(10)).isEqualTo(PollRound.Outcome.INCOMPLETE);
    }

    @Test
    void onlyTheFirstWordOnAnUpdateCounts() throws InterruptedException {
        // given: the processor settled it; a lane that then meets an error settles it again, as not stored
        var round = new PollRound();
        round.expect(7);
        round.settled(7, true);
        // when
        round.settled(7, false);
        // then
        assertThat(round.await(10)).isEqualTo(PollRound.Outcome.STORED);
    }

    @Test
    void aWaitingPollWakesAsSoonAsTheLastUpdateIsSettled() throws InterruptedException {
        // given
        var round = new PollRound();
        round.expect(1);
        var lane = new Thread(() -> {
            sleep(100);
            round.settled(1, true);
        });
        // when
        var started = System.nanoTime();
        lane.start();
        var outcome = round.await(10_000);
        // then
        assertThat(outcome).isEqualTo(PollRound.Outcome.STORED);
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
        lane.join();
    }

    @Test
    void anAnswerWhoseUpdatesWereAllKnownIsStoredAtOnce() throws InterruptedException {
        assertThat(new PollRound().await(0)).isEqualTo(PollRound.Outcome.STORED);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
