package ru.eventbot.feedback;

import static ru.eventbot.participant.PersonalDataSection.instant;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.eventbot.participant.ParticipantForgotten;
import ru.eventbot.participant.PersonalDataSection;

/**
 * Erasure: a forgotten participant's likes and ratings stay in the figures under an anonymous id; their comments lose their
 * author (shown as anonymous) and the comment they were about to write is forgotten.
 * <p>
 * Export: a participant's likes, ratings with their comments, likes of comments, and a comment they were asked for.
 */
@Component
class FeedbackPersonalData implements PersonalDataSection {

    private final JdbcTemplate jdbc;

    FeedbackPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ParticipantForgotten forgotten) {
        var user = forgotten.telegramUserId();
        var anonymous = forgotten.anonymousId();
        jdbc.update("delete from feedback_prompt where telegram_user_id = ?", user);
        jdbc.update("update event_like set telegram_user_id = ? where telegram_user_id = ?", anonymous, user);
        jdbc.update("update event_rating set telegram_user_id = ? where telegram_user_id = ?", anonymous, user);
        jdbc.update("update comment_like set telegram_user_id = ? where telegram_user_id = ?", anonymous, user);
    }

    @Override
    public Map<String, Object> about(long telegramUserId) {
        var data = new LinkedHashMap<String, Object>();
        data.put("likes", jdbc.query("select l.event_id, e.title, l.source, l.created_at from event_like l "
                        + "join event e on e.id = l.event_id where l.telegram_user_id = ? order by l.created_at",
                (row, n) -> new Like(row.getLong("event_id"), row.getString("title"), row.getString("source"),
                        instant(row, "created_at")), telegramUserId));
        data.put("ratings", jdbc.query("select r.event_id, e.title, r.rating, r.comment, r.comment_hidden, "
                        + "r.created_at, r.updated_at from event_rating r join event e on e.id = r.event_id "
                        + "where r.telegram_user_id = ? order by r.created_at",
                (row, n) -> new Rating(row.getLong("event_id"), row.getString("title"), row.getInt("rating"),
                        row.getString("comment"), row.getBoolean("comment_hidden"), instant(row, "created_at"),
                        instant(row, "updated_at")), telegramUserId));
        data.put("commentLikes", jdbc.query("select c.rating_id, r.event_id, c.created_at from comment_like c "
                        + "join event_rating r on r.id = c.rating_id where c.telegram_user_id = ? order by c.created_at",
                (row, n) -> new CommentLike(row.getLong("rating_id"), row.getLong("event_id"),
                        instant(row, "created_at")), telegramUserId));
        data.put("commentAskedFor", jdbc.query("select event_id, created_at from feedback_prompt "
                        + "where telegram_user_id = ?",
                (row, n) -> new Prompt(row.getLong("event_id"), instant(row, "created_at")), telegramUserId)
                .stream().findFirst().orElse(null));
        return data;
    }

    record Like(long eventId, String event, String source, Instant at) {
    }

    record Rating(long eventId, String event, int stars, String comment, boolean commentHidden, Instant at,
                  Instant changedAt) {
    }

    record CommentLike(long commentId, long eventId, Instant at) {
    }

    record Prompt(long eventId, Instant since) {
    }
}
