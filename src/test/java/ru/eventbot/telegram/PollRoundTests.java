package ru.eventbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

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

    @Test
    void thePollerStoresOnlyWhatNoLaneHasTaken() throws InterruptedException {
        // given: a lane has taken the first update; the second still waits in the lane's queue
        var round = new PollRound();
        var taken = polled(1, round);
        var waiting = polled(2, round);
        assertThat(taken.forLane()).isSameAs(taken);
        // when
        var stored = round.takeQueued(List.of(taken, waiting));
        round.storedByPoller(stored, true);
        // then: the poller stored only the second, and its lane handles it as a stored update
        assertThat(stored).containsExactly(waiting);
        var handled = waiting.forLane();
        assertThat(handled.stored()).isTrue();
        assertThat(round.await(10)).isEqualTo(PollRound.Outcome.WAITING);
        taken.settled(true);
        handled.settled(true);
        waiting.settled(false); // a lane that fails afterwards has no say on what the poller stored
        assertThat(round.await(10)).isEqualTo(PollRound.Outcome.STORED);
    }

    @Test
    void anUpdateThePollerCouldNotStoreIsLeftToItsLane() throws InterruptedException {
        // given
        var round = new PollRound();
        var waiting = polled(3, round);
        // when
        round.storedByPoller(round.takeQueued(List.of(waiting)), false);
        // then
        assertThat(waiting.forLane()).isSameAs(waiting);
        assertThat(round.takeQueued(List.of(waiting))).isEmpty();
        waiting.settled(true);
        assertThat(round.await(10)).isEqualTo(PollRound.Outcome.STORED);
    }

    @Test
    void aLaneComingForAnUpdateThePollerIsStoringWaitsForTheOutcome() throws InterruptedException {
        // given: the poller is storing the update
        var round = new PollRound();
        var waiting = polled(4, round);
        var storing = round.takeQueued(List.of(waiting));
        var lanesView = new TakenUpdate[1];
        var lane = new Thread(() -> {
            try {
                lanesView[0] = waiting.forLane();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        lane.start();
        lane.join(200);
        assertThat(lane.isAlive()).isTrue();
        // when
        round.storedByPoller(storing, true);
        lane.join(5_000);
        // then
        assertThat(lanesView[0].stored()).isTrue();
        assertThat(round.await(10)).isEqualTo(PollRound.Outcome.STORED);
    }

    private static TakenUpdate polled(int updateId, PollRound round) {
        var update = new Update();
        update.setUpdateId(updateId);
        return TakenUpdate.polled(update, "{\"update_id\":" + updateId + "}", round);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
