package ru.eventbot.feedback;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.eventbot.participant.ParticipantForgotten;

/**
 * A forgotten participant's likes and ratings stay in the figures under an anonymous id; their comments lose their
 * author (shown as anonymous) and the comment they were about to write is forgotten.
 */
@Component
class FeedbackErasure {

    private final JdbcTemplate jdbc;

    FeedbackErasure(JdbcTemplate jdbc) {
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
}
