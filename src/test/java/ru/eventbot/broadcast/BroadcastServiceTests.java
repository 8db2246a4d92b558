package ru.eventbot.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.eventbot.PersistenceSliceConfiguration.START;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.eventbot.MutableClock;
import ru.eventbot.PersistenceSliceConfiguration;
import ru.eventbot.conversation.TextEntity;
import ru.eventbot.event.EventDetails;
import ru.eventbot.event.EventService;
import ru.eventbot.participant.ParticipantService;
import ru.eventbot.participant.TelegramProfile;

@DataJpaTest(showSql = false)
@Import(PersistenceSliceConfiguration.class)
class BroadcastServiceTests {

    @Autowired
    BroadcastService broadcasts;

    @Autowired
    ParticipantService participants;

    @Autowired
    EventService events;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void fiveParticipantsOfWhomOneStoppedAndOneBlockedTheBot() {
        clock.set(START);
        for (long id = 1; id <= 5; id++) {
            participants.subscribe(new TelegramProfile(id, id, "Участник" + id, null, null, id == 5 ? "en" : "ru"),
                    null);
        }
        participants.unsubscribe(3);
        participants.markBlocked(4);
    }

    @Test
    void startingChoosesEverySubscribedParticipantWhoHasNotBlockedTheBot() {
        // when
        var broadcast = broadcasts.announce(announcement("Привет", null, "ALL", null));
        // then
        assertThat(broadcast.getStatus()).isEqualTo(BroadcastStatus.SENDING);
        assertThat(broadcast.getTotal()).isEqualTo(3);
        assertThat(recipients(broadcast)).containsExactly(1L, 2L, 5L);
    }

    @Test
    void anEventsAttendeesAreThoseWhoSaidTheyAttendAndStillListen() {
        // given
        var event = events.create(new EventDetails("Мастер-класс", null, null, START.atZone(ZoneId.of("UTC"))
                .plusDays(1).toOffsetDateTime(), START.atZone(ZoneId.of("UTC")).plusDays(1).plusHours(2)
                .toOffsetDateTime(), ZoneId.of("Europe/Moscow"), List.of()));
        events.toggleAttendance(event.getId(), 2);
        events.toggleAttendance(event.getId(), 3);
        // when
        var broadcast = broadcasts.announce(announcement("Ждём вас", event.getId(), "EVENT_ATTENDEES", null));
        // then
        assertThat(recipients(broadcast)).containsExactly(2L);
        assertThat(broadcasts.recipients(Audience.EVENT_ATTENDEES, event.getId())).isEqualTo(1);
    }

    @Test
    void claimedCopiesAreNotClaimedAgainAndTheBroadcastIsDoneWhenAllAreSettled() {
        // given
        var broadcast = broadcasts.announce(announcement("Материалы опубликованы", null, "ALL", null));
        // when
        var first = broadcasts.claim(2, 2);
        var second = broadcasts.claim(2, 2);
        var third = broadcasts.claim(2, 2);
        // then
        assertThat(first).extracting(DeliveryTask::telegramUserId).containsExactly(1L, 2L);
        assertThat(second).extracting(DeliveryTask::telegramUserId).containsExactly(5L);
        assertThat(third).isEmpty();
        assertThat(second.get(0).language().name()).isEqualTo("EN");
        // when
        broadcasts.record(List.of(new DeliveryResult(first.get(0), DeliveryState.SENT, 77L, null),
                new DeliveryResult(first.get(1), DeliveryState.BLOCKED, null, "blocked")));
        assertThat(broadcasts.finishCompleted()).isEmpty();
        broadcasts.record(List.of(new DeliveryResult(second.get(0), DeliveryState.FAILED, null, "400")));
        var finished = broadcasts.finishCompleted();
        // then
        assertThat(finished).singleElement().satisfies(progress -> {
            assertThat(progress.sent()).isEqualTo(1);
            assertThat(progress.blocked()).isEqualTo(1);
            assertThat(progress.failed()).isEqualTo(1);
            assertThat(progress.percent()).isEqualTo(100);
        });
        assertThat(broadcasts.get(broadcast.getId()).getStatus()).isEqualTo(BroadcastStatus.DONE);
        assertThat(jdbc.queryForObject("select count(*) from conversation_message where kind = 'ANNOUNCEMENT' "
                + "and telegram_user_id = 1 and telegram_message_id = 77", Integer.class)).isEqualTo(1);
    }

    @Test
    void afterAKillJournaledOutcomesAreKeptCallsUnderWayBecomeUncertainAndUnsentCopiesGoAgain() {
        // given: three copies claimed when the process died
        var broadcast = broadcasts.announce(announcement("Анонс", null, "ALL", null));
        var claimed = broadcasts.claim(3, 3);
        var id = broadcast.getId();
        // when
        broadcasts.recover(Map.of(new DeliveryKey(id, 1), DeliveryState.SENT,
                new DeliveryKey(id, 2), DeliveryState.UNCERTAIN));
        // then
        assertThat(claimed).hasSize(3);
        assertThat(stateOf(id, 1)).isEqualTo("SENT");
        assertThat(stateOf(id, 2)).isEqualTo("UNCERTAIN");
        assertThat(stateOf(id, 5)).isEqualTo("PENDING");
        assertThat(broadcasts.claim(10, 10)).extracting(DeliveryTask::telegramUserId).containsExactly(5L);
    }

    @Test
    void aScheduledBroadcastStartsOnceItsTimeHasCome() {
        // given
        var broadcast = broadcasts.announce(announcement("Через час", null, "ALL", START.plus(Duration.ofHours(1))));
        // when
        var early = broadcasts.startDue();
        clock.advance(Duration.ofHours(1));
        var due = broadcasts.startDue();
        var again = broadcasts.startDue();
        // then
        assertThat(early).isZero();
        assertThat(due).isEqualTo(1);
        assertThat(again).isZero();
        assertThat(broadcasts.get(broadcast.getId()).getTotal()).isEqualTo(3);
    }

    @Test
    void cancellingLeavesUnsentCopiesCancelledAndCannotBeRepeated() {
        // given
        var broadcast = broadcasts.announce(announcement("Отменяется", null, "ALL", null));
        broadcasts.claim(1, 1);
        // when
        broadcasts.cancel(broadcast.getId());
        // then
        var progress = broadcasts.progress(broadcast.getId());
        assertThat(progress.status()).isEqualTo(BroadcastStatus.CANCELLED);
        assertThat(progress.cancelled()).isEqualTo(2);
        assertThat(progress.pending()).as("the copy under way").isEqualTo(1);
        assertThat(broadcasts.isCancelled(broadcast.getId())).isTrue();
        assertThatThrownBy(() -> broadcasts.cancel(broadcast.getId())).isInstanceOf(BroadcastFinishedException.class);
    }

    @Test
    void refusesFormattingOutsideTheText() {
        var entities = List.of(new TextEntity("bold", 3, 10, null, null, null));
        assertThatThrownBy(() -> broadcasts.announce(new NewBroadcast("Коротко", entities, null, "ALL", null, false,
                "test", null))).isInstanceOf(InvalidBroadcastException.class).hasMessageContaining("outside the text");
    }

    private static NewBroadcast announcement(String text, Long eventId, String audience, java.time.Instant at) {
        return new NewBroadcast(text, List.of(), eventId, audience, at, false, "test", null);
    }

    private List<Long> recipients(Broadcast broadcast) {
        return jdbc.queryForList("select telegram_user_id from broadcast_delivery where broadcast_id = ? "
                + "order by telegram_user_id", Long.class, broadcast.getId());
    }

    private String stateOf(long broadcastId, long userId) {
        return jdbc.queryForObject("select status from broadcast_delivery where broadcast_id = ? and telegram_user_id = ?",
                String.class, broadcastId, userId);
    }
}
