package ru.eventbot.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.eventbot.PersistenceSliceConfiguration.CONSENT_VERSION;
import static ru.eventbot.PersistenceSliceConfiguration.START;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import ru.eventbot.MutableClock;
import ru.eventbot.PersistenceSliceConfiguration;

@DataJpaTest(showSql = false)
@Import(PersistenceSliceConfiguration.class)
class ParticipantServiceTests {

    @Autowired
    ParticipantService participants;

    @Autowired
    ParticipantRepository repository;

    @Autowired
    TestEntityManager entityManager;

    @Autowired
    MutableClock clock;

    private final TelegramProfile alexander = new TelegramProfile(1001, 1001, "Александр", "Духанин", "alex_d", "ru");

    @BeforeEach
    void resetClock() {
        clock.set(START);
    }

    @Test
    void remembersWhoeverWritesOnceAndKeepsTheirProfileUpToDate() {
        // given
        participants.recordContact(alexander);
        flushAndClear();
        var later = clock.advance(Duration.ofHours(2));
        var renamed = new TelegramProfile(1001, 1001, "Alexander", "Dukhanin", "alexander", "en-GB");

        // when
        participants.recordContact(renamed);
        flushAndClear();

        // then
        assertThat(repository.findAll()).singleElement().satisfies(participant -> {
            assertThat(participant.getTelegramUserId()).isEqualTo(1001L);
            assertThat(participant.getChatId()).isEqualTo(1001L);
            assertThat(participant.getFirstName()).isEqualTo("Alexander");
            assertThat(participant.getLastName()).isEqualTo("Dukhanin");
            assertThat(participant.getUsername()).isEqualTo("alexander");
            assertThat(participant.getLanguage()).isEqualTo(Language.EN);
            assertThat(participant.getCreatedAt()).isEqualTo(START);
            assertThat(participant.getUpdatedAt()).isEqualTo(later);
            assertThat(participant.isSubscribed()).as("writing to the bot is not subscribing").isFalse();
            assertThat(participant.isBlocked()).isFalse();
        });
    }

    @Test
    void leavesTheProfileUntouchedWhenNothingChanged() {
        // given
        participants.recordContact(alexander);
        flushAndClear();
        clock.advance(Duration.ofMinutes(5));

        // when
        participants.recordContact(alexander);
        flushAndClear();

        // then
        assertThat(participants.find(1001)).hasValueSatisfying(p -> assertThat(p.getUpdatedAt()).isEqualTo(START));
    }

    @Test
    void subscribesWithTheConsentVersionAndTimeAndKeepsTheDeepLinkPayload() {
        // given
        var subscribedAt = clock.advance(Duration.ofMinutes(1));

        // when
        participants.subscribe(alexander, "event_12");
        flushAndClear();

        // then
        assertThat(participants.find(1001)).hasValueSatisfying(participant -> {
            assertThat(participant.isSubscribed()).isTrue();
            assertThat(participant.receivesBroadcasts()).isTrue();
            assertThat(participant.getConsentVersion()).isEqualTo(CONSENT_VERSION);
            assertThat(participant.getConsentAt()).isEqualTo(subscribedAt);
            assertThat(participant.getStartPayload()).isEqualTo("event_12");
        });
    }

    @Test
    void keepsTheFirstDeepLinkPayloadWhenSubscribingAgainWithoutOne() {
        // given
        participants.subscribe(alexander, "event_12");
        flushAndClear();

        // when
        participants.subscribe(alexander, null);
        participants.subscribe(alexander, "  ");
        flushAndClear();

        // then
        assertThat(participants.find(1001)).hasValueSatisfying(p -> assertThat(p.getStartPayload()).isEqualTo("event_12"));
        assertThat(repository.count()).isOne();
    }

    @Test
    void unsubscribingKeepsTheParticipantButStopsBroadcasts() {
        // given
        participants.subscribe(alexander, null);
        flushAndClear();
        var stoppedAt = clock.advance(Duration.ofDays(1));

        // when
        var unsubscribed = participants.unsubscribe(1001);
        flushAndClear();

        // then
        assertThat(unsubscribed).isPresent();
        assertThat(participants.find(1001)).hasValueSatisfying(participant -> {
            assertThat(participant.isSubscribed()).isFalse();
            assertThat(participant.receivesBroadcasts()).isFalse();
            assertThat(participant.canReceiveMessages()).as("they can still be answered").isTrue();
            assertThat(participant.getConsentVersion()).isEqualTo(CONSENT_VERSION);
            assertThat(participant.getUpdatedAt()).isEqualTo(stoppedAt);
        });
    }

    @Test
    void unsubscribingSomeoneUnknownChangesNothing() {
        // given / when
        var unsubscribed = participants.unsubscribe(4242);

        // then
        assertThat(unsubscribed).isEmpty();
        assertThat(repository.count()).isZero();
    }

    @Test
    void marksAParticipantBlockedAndUnblocked() {
        // given
        participants.subscribe(alexander, null);
        flushAndClear();

        // when
        participants.markBlocked(1001);
        flushAndClear();

        // then
        assertThat(participants.find(1001)).hasValueSatisfying(participant -> {
            assertThat(participant.isBlocked()).isTrue();
            assertThat(participant.canReceiveMessages()).isFalse();
            assertThat(participant.receivesBroadcasts()).isFalse();
            assertThat(participant.isSubscribed()).as("blocking is not unsubscribing").isTrue();
        });

        // when
        participants.markUnblocked(1001);
        flushAndClear();

        // then
        assertThat(participants.find(1001)).hasValueSatisfying(participant -> {
            assertThat(participant.isBlocked()).isFalse();
            assertThat(participant.receivesBroadcasts()).isTrue();
        });
    }

    @Test
    void subscribingAgainAfterBlockingUnblocks() {
        // given
        participants.subscribe(alexander, null);
        participants.markBlocked(1001);
        flushAndClear();

        // when
        participants.subscribe(alexander, null);
        flushAndClear();

        // then
        assertThat(participants.find(1001)).hasValueSatisfying(p -> assertThat(p.receivesBroadcasts()).isTrue());
    }

    @Test
    void ignoresABlockOfSomeoneUnknown() {
        // given / when
        participants.markBlocked(4242);
        participants.markUnblocked(4242);

        // then
        assertThat(repository.count()).isZero();
    }

    @Test
    void listsParticipantsInTheOrderTheyFirstWrote() {
        // given
        participants.recordContact(new TelegramProfile(3, 3, "Третий", null, null, null));
        clock.advance(Duration.ofMinutes(1));
        participants.recordContact(new TelegramProfile(1, 1, "Первый", null, null, null));
        clock.advance(Duration.ofMinutes(1));
        participants.recordContact(new TelegramProfile(2, 2, null, null, "second", null));
        flushAndClear();

        // when
        var all = participants.findAll();

        // then
        assertThat(all).extracting(Participant::getTelegramUserId).containsExactly(3L, 1L, 2L);
        assertThat(all).extracting(Participant::displayName).containsExactly("Третий", "Первый", "@second");
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void aContactRolledBackIsNotTakenForStoredAndAChangedProfileIsStillStored(
            @Autowired PlatformTransactionManager transactions) {
        var transaction = new TransactionTemplate(transactions);
        var ksenia = new TelegramProfile(2002, 2002, "Ксения", "Садовская", null, "ru");
        try {
            // given: her first update's transaction rolled back
            transaction.executeWithoutResult(status -> {
                participants.touch(ksenia);
                status.setRollbackOnly();
            });
            // when
            transaction.executeWithoutResult(status -> participants.touch(ksenia));
            transaction.executeWithoutResult(status -> participants.touch(ksenia));
            var renamed = new TelegramProfile(2002, 2002, "Ksenia", "Sadovskaya", "ksenia", "en");
            transaction.executeWithoutResult(status -> participants.touch(renamed));
            // then
            assertThat(repository.findByTelegramUserId(2002)).get().satisfies(participant -> {
                assertThat(participant.getFirstName()).isEqualTo("Ksenia");
                assertThat(participant.getLanguage()).isEqualTo(Language.EN);
            });
        } finally {
            transaction.executeWithoutResult(status -> repository.deleteAll());
            participants.evict(2002);
        }
    }

    @Test
    void findsParticipantsByAnyPartOfTheirNameOrUsernameInAnyCaseAPageAtATime() {
        // given
        participants.subscribe(alexander, null);
        clock.advance(Duration.ofMinutes(1));
        participants.subscribe(new TelegramProfile(1002, 1002, "Ксения", "Садовская", "ks_100%", "ru"), null);
        clock.advance(Duration.ofMinutes(1));
        participants.subscribe(new TelegramProfile(1003, 1003, "Олег", null, "oleg_sad", "ru"), null);
        entityManager.flush();
        entityManager.clear();

        // then
        assertThat(participants.search("садовская", 0, 10).participants()).extracting(Participant::getTelegramUserId)
                .containsExactly(1002L);
        assertThat(participants.search("@ALEX", 0, 10).participants()).extracting(Participant::getTelegramUserId)
                .containsExactly(1001L);
        assertThat(participants.search("sad", 0, 10).participants()).extracting(Participant::getTelegramUserId)
                .containsExactly(1003L);
        // LIKE's wildcards are searched for as they are
        assertThat(participants.search("100%", 0, 10).participants()).extracting(Participant::getTelegramUserId)
                .containsExactly(1002L);
        assertThat(participants.search("_", 0, 10).participants()).extracting(Participant::getTelegramUserId)
                .containsExactly(1003L, 1002L, 1001L);
        assertThat(participants.search("%", 0, 10).total()).isEqualTo(1);
        assertThat(participants.search("ks\\", 0, 10).total()).isZero();
        // newest first, pages of two; a page past the end shows the last one
        var first = participants.search(" ", 0, 2);
        assertThat(first.participants()).extracting(Participant::getTelegramUserId).containsExactly(1003L, 1002L);
        assertThat(first.total()).isEqualTo(3);
        assertThat(first.pages()).isEqualTo(2);
        assertThat(participants.search(null, 5, 2).participants()).extracting(Participant::getTelegramUserId)
                .containsExactly(1001L);
    }

    private void flushAndClear() {
        entityManager.flush();
        entityManager.clear();
    }
}
