package ru.eventbot.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.eventbot.PersistenceSliceConfiguration.START;

import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;
import ru.eventbot.MutableClock;
import ru.eventbot.PersistenceSliceConfiguration;
import ru.eventbot.event.EventDetails;
import ru.eventbot.event.EventNotFoundException;
import ru.eventbot.event.EventService;
import ru.eventbot.participant.ParticipantService;
import ru.eventbot.participant.TelegramProfile;

@DataJpaTest(showSql = false)
@Import(PersistenceSliceConfiguration.class)
class FeedbackServiceTests {

    @Autowired
    FeedbackService feedback;

    @Autowired
    EventService events;

    @Autowired
    ParticipantService participants;

    @Autowired
    MutableClock clock;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    ru.eventbot.fleet.Fleet fleet;

    long eventId;

    @BeforeEach
    void anEventAndThreeParticipants() {
        clock.set(START);
        var zone = ZoneId.of("Europe/Moscow");
        eventId = events.create(new EventDetails("Мастер-площадка", null, null, START.atZone(zone).toOffsetDateTime(),
                START.atZone(zone).plusHours(2).toOffsetDateTime(), zone, List.of())).getId();
        participants.subscribe(new TelegramProfile(1, 1, "Владимир", "Кнышев", null, "ru"), null);
        participants.subscribe(new TelegramProfile(2, 2, "Ксения", "Садовская", null, "ru"), null);
        participants.subscribe(new TelegramProfile(3, 3, "Александр", "Духанин", null, "ru"), null);
    }

    @Test
    void aLikeTogglesAndAReactionNeverCountsTwice() {
        // when
        var liked = feedback.toggleLike(eventId, 1);
        feedback.like(eventId, 1, LikeSource.REACTION);
        feedback.like(eventId, 2, LikeSource.REACTION);
        var unliked = feedback.toggleLike(eventId, 1);
        // then
        assertThat(liked).isEqualTo(new LikeToggled(true, 1));
        assertThat(unliked).isEqualTo(new LikeToggled(false, 1));
        var summary = feedback.summary(eventId);
        assertThat(summary.likes()).isEqualTo(1);
        assertThat(summary.likesFromReactions()).isEqualTo(1);
        assertThatThrownBy(() -> feedback.toggleLike(999_999, 1)).isInstanceOf(EventNotFoundException.class);
    }

    @Test
    void aSecondRatingReplacesTheFirstAndTheNextTextIsItsComment() {
        // when
        var first = feedback.rate(eventId, 2, 3);
        var second = feedback.rate(eventId, 2, 5);
        var writing = feedback.awaitingComment(2);
        feedback.comment(2, "Мероприятие удалось!");
        // then
        assertThat(first.previous()).isNull();
        assertThat(second.previous()).isEqualTo(3);
        assertThat(writing).contains(eventId);
        assertThat(feedback.awaitingComment(2)).isEmpty();
        var summary = feedback.summary(eventId);
        assertThat(summary.ratingCount()).isEqualTo(1);
        assertThat(summary.averageRating()).isEqualTo(5.0);
        assertThat(summary.histogram()).containsEntry("5", 1).containsEntry("3", 0);
        assertThat(summary.comments()).singleElement().satisfies(comment -> {
            assertThat(comment.author()).isEqualTo("Ксения Садовская");
            assertThat(comment.text()).isEqualTo("Мероприятие удалось!");
        });
    }

    @Test
    void anInstanceFindsThePromptsStoredBeforeItStartedAndThoseGivenSince() {
        // given: Vladimir rated before this instance started (a restart)
        feedback.rate(eventId, 1, 4);
        var restarted = new CommentPrompts(jdbc, fleet);
        // when / then: his prompt is found; nobody else has one
        assertThat(restarted.awaitingComment(1)).contains(eventId);
        assertThat(restarted.awaitingComment(2)).isEmpty();
        // and a prompt given through this instance afterwards is found too
        restarted.prompting(3);
        jdbc.update("insert into feedback_prompt (telegram_user_id, event_id, created_at) values (?, ?, ?)", 3, eventId,
                java.sql.Timestamp.from(START));
        assertThat(restarted.awaitingComment(3)).contains(eventId);
    }

    @Test
    void refusesACommentOverTwoThousandCharactersAndKeepsWaitingForIt() {
        // given
        feedback.rate(eventId, 3, 4);
        // when / then
        assertThatThrownBy(() -> feedback.comment(3, "а".repeat(2001)))
                .isInstanceOfSatisfying(CommentTooLongException.class, e -> assertThat(e.length()).isEqualTo(2001));
        assertThat(feedback.awaitingComment(3)).contains(eventId);
    }

    @Test
    void commentsHaveTheirOwnLikesAndHiddenOnesLeaveTheParticipantsView() {
        // given
        feedback.rate(eventId, 2, 5);
        feedback.comment(2, "Такие мероприятия нужно проводить чаще");
        feedback.rate(eventId, 3, 4);
        feedback.comment(3, "Спасибо организаторам");
        var comments = feedback.visibleComments(eventId, 0, 5).comments();
        var ksenias = comments.stream().filter(c -> c.authorId() == 2).findFirst().orElseThrow();
        // when
        feedback.toggleCommentLike(ksenias.id(), 3);
        feedback.hideComment(eventId, comments.stream().filter(c -> c.authorId() == 3).findFirst().orElseThrow().id(),
                true);
        // then
        var visible = feedback.visibleComments(eventId, 0, 5);
        assertThat(visible.comments()).singleElement().satisfies(comment -> assertThat(comment.likes()).isEqualTo(1));
        assertThat(feedback.summary(eventId).comments()).hasSize(2).anyMatch(Comment::hidden);
        assertThat(feedback.summary(eventId).ratingCount()).as("a hidden comment keeps its rating").isEqualTo(2);
        assertThatThrownBy(() -> feedback.hideComment(eventId + 1, ksenias.id(), true))
                .isInstanceOf(CommentNotFoundException.class);
    }

    @Test
    void organisersSeeEveryCommentAPageAtATimeWithFiguresByEventAndLikesPerDay() {
        // given: two likes today, one tomorrow; three comments, one hidden
        feedback.toggleLike(eventId, 1);
        feedback.toggleLike(eventId, 2);
        clock.advance(java.time.Duration.ofDays(1));
        feedback.toggleLike(eventId, 3);
        for (long id = 1; id <= 3; id++) {
            clock.advance(java.time.Duration.ofMinutes(1));
            feedback.rate(eventId, id, (int) id + 2);
            feedback.comment(id, "Комментарий " + id);
        }
        var first = feedback.visibleComments(eventId, 0, 5).comments().stream().filter(c -> c.authorId() == 1)
                .findFirst().orElseThrow();
        feedback.hideComment(eventId, first.id(), true);
        // when
        var newest = feedback.comments(eventId, 0, 2);
        var oldest = feedback.comments(eventId, 1, 2);
        // then: hidden ones too, newest first
        assertThat(newest.comments()).extracting(Comment::text).containsExactly("Комментарий 3", "Комментарий 2");
        assertThat(oldest.comments()).singleElement().satisfies(comment -> {
            assertThat(comment.text()).isEqualTo("Комментарий 1");
            assertThat(comment.hidden()).isTrue();
            assertThat(comment.author()).isEqualTo("Владимир Кнышев");
        });
        assertThat(newest.pages()).isEqualTo(2);
        assertThat(feedback.figures(eventId).comments()).isEmpty();
        assertThat(feedback.figures(eventId).histogram()).containsEntry("3", 1).containsEntry("4", 1)
                .containsEntry("5", 1);
        assertThat(feedback.figuresByEvent()).containsEntry(eventId, new EventFigures(3, 3, 4.0));
        assertThat(feedback.likesPerDay(eventId)).extracting(DailyLikes::likes).containsExactly(2, 1);
    }
}
