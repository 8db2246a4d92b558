package ru.eventbot.material;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.eventbot.ParticipantsWhoMay;
import ru.eventbot.fleet.Fleet;

/**
 * Whether a participant's next text is an e-mail address or a code the bot waits for
 * ({@link MailAddress#isAwaitingReply}). Asked for every text a participant writes, inside the transaction that
 * handles it: so one indexed query, without a transactional proxy of its own. Every change of the step is flushed
 * at once ({@link MaterialMailService}), so the query sees changes made earlier in the same transaction. Alone on
 * its database, the instance asks the table only about participants who may be in such a dialogue
 * ({@link ParticipantsWhoMay}).
 */
@Component
public class AwaitedMailReplies {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Fleet fleet;
    private final ParticipantsWhoMay mayBeAwaited;

    AwaitedMailReplies(JdbcTemplate jdbc, Clock clock, Fleet fleet) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.fleet = fleet;
        this.mayBeAwaited = new ParticipantsWhoMay(() -> jdbc.queryForList(
                "select telegram_user_id from material_mail_address where step <> ?", Long.class,
                MailAddress.Step.NONE.name()));
    }

    public boolean isAwaited(long telegramUserId) {
        if (!fleet.shared() && !mayBeAwaited.include(telegramUserId)) {
            return false;
        }
        return !jdbc.queryForList("select 1 from material_mail_address where telegram_user_id = ? and step <> ? "
                        + "and updated_at > ?", Integer.class, telegramUserId, MailAddress.Step.NONE.name(),
                Timestamp.from(clock.instant().minus(MailAddress.REPLY_WINDOW))).isEmpty();
    }

    /** Before the participant's step becomes one that awaits a reply. */
    void awaiting(long telegramUserId) {
        mayBeAwaited.add(telegramUserId);
    }
}
