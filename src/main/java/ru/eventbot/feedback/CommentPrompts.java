package ru.eventbot.feedback;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether a participant's next text is the comment the bot asked for. Asked for every text a participant writes,
 * inside the transaction that handles it: so a plain query, without a transactional proxy of its own, whose
 * bookkeeping per call showed in the intake benchmark's profile beside the query itself.
 */
@Component
public class CommentPrompts {

    private final JdbcTemplate jdbc;

    CommentPrompts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The event whose comment the participant is about to write, if they have just rated one. */
    public Optional<Long> awaitingComment(long telegramUserId) {
        return jdbc.queryForList("select event_id from feedback_prompt where telegram_user_id = ?", Long.class,
                telegramUserId).stream().findFirst();
    }
}
