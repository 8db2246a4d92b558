package ru.eventbot.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.eventbot.PersistenceSliceConfiguration.START;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import ru.eventbot.MutableClock;
import ru.eventbot.PersistenceSliceConfiguration;
import ru.eventbot.participant.ParticipantService;
import ru.eventbot.participant.TelegramProfile;

/**
 * A participant who asks to be forgotten at the moment a broadcast chooses its recipients: whichever commits first,
 * no copy is left naming them (CI met this on PostgreSQL: a feedback question's copy, chosen while the erasure ran,
 * committed after it and kept the participant's id). Committed transactions on two threads, so no test transaction.
 */
@DataJpaTest(showSql = false)
@Import({PersistenceSliceConfiguration.class, DeliveryPersonalData.class})
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class FanOutAndErasureServiceTests {

    @Autowired
    BroadcastService broadcasts;

    @Autowired
    ParticipantService participants;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    PlatformTransactionManager transactionManager;

    @BeforeEach
    void threeParticipants() {
        clock.set(START);
        var transaction = new TransactionTemplate(transactionManager);
        for (long id = 1; id <= 3; id++) {
            var profile = new TelegramProfile(id, id, "Участник" + id, null, null, "ru");
            transaction.executeWithoutResult(status -> participants.subscribe(profile, null));
        }
    }

    @AfterEach
    void cleanUp() {
        for (var table : List.of("broadcast_delivery", "channel_post", "broadcast", "conversation_message",
                "participant", "event_publication")) {
            jdbc.update("delete from " + table);
        }
    }

    @Test
    void aBroadcastThatChoseTheParticipantFirstHasItsCopyAnonymisedByTheErasure() throws Exception {
        // given: a broadcast has chosen its recipients and not committed yet
        var chosen = new CountDownLatch(1);
        var commit = new CountDownLatch(1);
        var fanOut = inTransaction(() -> {
            var broadcast = broadcasts.announce(announcement());
            chosen.countDown();
            await(commit);
            return broadcast.getId();
        });
        assertThat(chosen.await(10, TimeUnit.SECONDS)).isTrue();
        // when: participant 2 asks to be forgotten meanwhile
        var erasure = inTransaction(() -> {
            participants.forget(2);
            return 0L;
        });
        // then: the erasure waits for the broadcast, and finds its copy once it has committed
        Thread.sleep(300);
        assertThat(erasure).isNotDone();
        commit.countDown();
        var broadcastId = fanOut.get(10, TimeUnit.SECONDS);
        erasure.get(10, TimeUnit.SECONDS);
        assertThat(recipients(broadcastId)).hasSize(3).doesNotContain(2L);
    }

    @Test
    void aBroadcastChoosingAfterTheErasureBeganLeavesTheParticipantOut() throws Exception {
        // given: participant 2's erasure is under way
        var erasing = new CountDownLatch(1);
        var commit = new CountDownLatch(1);
        var erasure = inTransaction(() -> {
            participants.forget(2);
            erasing.countDown();
            await(commit);
            return 0L;
        });
        assertThat(erasing.await(10, TimeUnit.SECONDS)).isTrue();
        // when: a broadcast chooses its recipients meanwhile
        var fanOut = inTransaction(() -> broadcasts.announce(announcement()).getId());
        Thread.sleep(300);
        commit.countDown();
        // then
        erasure.get(10, TimeUnit.SECONDS);
        assertThat(recipients(fanOut.get(10, TimeUnit.SECONDS))).containsExactly(1L, 3L);
    }

    private CompletableFuture<Long> inTransaction(java.util.function.Supplier<Long> work) {
        var transaction = new TransactionTemplate(transactionManager);
        return CompletableFuture.supplyAsync(() -> transaction.execute(status -> work.get()));
    }

    private List<Long> recipients(long broadcastId) {
        return jdbc.queryForList("select telegram_user_id from broadcast_delivery where broadcast_id = ? "
                + "order by telegram_user_id", Long.class, broadcastId);
    }

    private static NewBroadcast announcement() {
        return new NewBroadcast("Оцените мастер-класс", List.of(), null, "ALL", null, false, "test", null);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
