package ru.eventbot.material;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether a participant's next text is an e-mail address or a code the bot waits for
 * ({@link MailAddress#isAwaitingReply}). Asked for every text a participant writes, inside the transaction that
 * handles it: so one indexed query, without a transactional proxy of its own (see
 * {@link ru.eventbot.feedback.CommentPrompts}). Every change of the step is flushed at once
 * ({@link MaterialMailService}), so the query sees changes made earlier in the same transaction.
 */
@Component
public class AwaitedMailReplies {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AwaitedMailReplies(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public boolean isAwaited(long telegramUserId) {
        return !jdbc.queryForList("select 1 from material_mail_address where telegram_user_id = ? and step <> ? "
                        + "and updated_at > ?", Integer.class, telegramUserId, MailAddress.Step.NONE.name(),
                Timestamp.from(clock.instant().minus(MailAddress.REPLY_WINDOW))).isEmpty();
    }
}
