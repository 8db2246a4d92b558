package ru.eventbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.eventbot.StorageProperties;
import ru.eventbot.broadcast.DeliveryKey;
import ru.eventbot.broadcast.DeliveryState;

class DeliveryJournalTests {

    @TempDir
    Path dataDir;

    @Test
    void aLaterRunFindsWhatAKilledRunJournaledButNotItsOwnOrDiscardedBatches() throws Exception {
        // given: a run that was killed with one batch open and one discarded
        var killed = new DeliveryJournal(new StorageProperties(dataDir));
        var open = killed.openBatch();
        open.claim(new DeliveryKey(1, 10));
        open.done(new DeliveryKey(1, 10), DeliveryState.SENT);
        open.claim(new DeliveryKey(1, 11));
        var discarded = killed.openBatch();
        discarded.claim(new DeliveryKey(1, 12));
        discarded.done(new DeliveryKey(1, 12), DeliveryState.BLOCKED);
        discarded.discard();
        Thread.sleep(5); // the next run's id is its start time
        // when
        var next = new DeliveryJournal(new StorageProperties(dataDir));
        next.openBatch().claim(new DeliveryKey(2, 20));
        var found = next.unrecordedOfEarlierRuns();
        next.forgetEarlierRuns();
        // then
        assertThat(found).isEqualTo(Map.of(new DeliveryKey(1, 10), DeliveryState.SENT,
                new DeliveryKey(1, 11), DeliveryState.UNCERTAIN));
        assertThat(next.unrecordedOfEarlierRuns()).isEmpty();
    }
}
