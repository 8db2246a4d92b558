package ru.eventbot.feedback;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.eventbot.ParticipantsWhoMay;
import ru.eventbot.fleet.Fleet;

/**
 * Whether a participant's next text is the comment the bot asked for. Asked for every text a participant writes,
 * inside the transaction that handles it: so a plain query, without a transactional proxy of its own, whose
 * bookkeeping per call showed in the intake benchmark's profile beside the query itself. Alone on its database
 * (H2), the instance asks the table only about participants who may have a prompt ({@link ParticipantsWhoMay});
 * instances sharing a database always ask it.
 */
@Component
public class CommentPrompts {

    private final JdbcTemplate jdbc;
    private final Fleet fleet;
    private final ParticipantsWhoMay mayHavePrompt;

    CommentPrompts(JdbcTemplate jdbc, Fleet fleet) {
        this.jdbc = jdbc;
        this.fleet = fleet;
        this.mayHavePrompt = new ParticipantsWhoMay(
                () -> jdbc.queryForList("select telegram_user_id from feedback_prompt", Long.class));
    }

    /** The event whose comment the participant is about to write, if they have just rated one. */
    public Optional<Long> awaitingComment(long telegramUserId) {
        if (!fleet.shared() && !mayHavePrompt.include(telegramUserId)) {
            return Optional.empty();
        }
        return jdbc.queryForList("select event_id from feedback_prompt where telegram_user_id = ?", Long.class,
                telegramUserId).stream().findFirst();
    }

    /** Before a prompt is stored for the participant. */
    void prompting(long telegramUserId) {
        mayHavePrompt.add(telegramUserId);
    }
}
