package ru.eventbot.material;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.eventbot.fleet.Fleet;

/**
 * Whether a participant's next text is an e-mail address or a code the bot waits for
 * ({@link MailAddress#isAwaitingReply}). Asked for every text a participant writes, inside the transaction that
 * handles it: so one indexed query, without a transactional proxy of its own. Every change of the step is flushed
 * at once ({@link MaterialMailService}), so the query sees changes made earlier in the same transaction.
 *
 * <p>Alone on its database, the instance also remembers who may be in such a dialogue (everyone in one when first
 * asked, and everyone asked for an address since, before the step is written), and asks the table only about them,
 * as {@link ru.eventbot.feedback.CommentPrompts} does with comments.
 */
@Component
public class AwaitedMailReplies {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Fleet fleet;
    private final Set<Long> mayBeAwaited = ConcurrentHashMap.newKeySet();
    private volatile boolean loaded;

    AwaitedMailReplies(JdbcTemplate jdbc, Clock clock, Fleet fleet) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.fleet = fleet;
    }

    public boolean isAwaited(long telegramUserId) {
        if (!fleet.shared() && !mayBeAwaited(telegramUserId)) {
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

    private boolean mayBeAwaited(long telegramUserId) {
        if (!loaded) {
            load();
        }
        return mayBeAwaited.contains(telegramUserId);
    }

    private synchronized void load() {
        if (!loaded) {
            mayBeAwaited.addAll(jdbc.queryForList("select telegram_user_id from material_mail_address where step <> ?",
                    Long.class, MailAddress.Step.NONE.name()));
            loaded = true;
        }
    }
}
