package ru.eventbot.feedback;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.eventbot.fleet.Fleet;

/**
 * Whether a participant's next text is the comment the bot asked for. Asked for every text a participant writes,
 * inside the transaction that handles it: so a plain query, without a transactional proxy of its own, whose
 * bookkeeping per call showed in the intake benchmark's profile beside the query itself.
 *
 * <p>Alone on its database (H2), the instance also remembers who may have a prompt at all: everyone with one when
 * first asked, and everyone given one since ({@link #prompting}, before the row is written). Whoever is not among
 * them has none, and their texts cost no query; for the others the table decides. The set only grows (a
 * participant who rated stays in it, and is asked about as before), and it is a superset of the table's rows at
 * any moment, whatever the transactions' order. Instances sharing a database cannot know each other's prompts, so
 * there the table is always asked.
 */
@Component
public class CommentPrompts {

    private final JdbcTemplate jdbc;
    private final Fleet fleet;
    private final Set<Long> mayHavePrompt = ConcurrentHashMap.newKeySet();
    private volatile boolean loaded;

    CommentPrompts(JdbcTemplate jdbc, Fleet fleet) {
        this.jdbc = jdbc;
        this.fleet = fleet;
    }

    /** The event whose comment the participant is about to write, if they have just rated one. */
    public Optional<Long> awaitingComment(long telegramUserId) {
        if (!fleet.shared() && !mayHavePrompt(telegramUserId)) {
            return Optional.empty();
        }
        return jdbc.queryForList("select event_id from feedback_prompt where telegram_user_id = ?", Long.class,
                telegramUserId).stream().findFirst();
    }

    /** Before a prompt is stored for the participant. */
    void prompting(long telegramUserId) {
        mayHavePrompt.add(telegramUserId);
    }

    private boolean mayHavePrompt(long telegramUserId) {
        if (!loaded) {
            load();
        }
        return mayHavePrompt.contains(telegramUserId);
    }

    private synchronized void load() {
        if (!loaded) {
            mayHavePrompt.addAll(jdbc.queryForList("select telegram_user_id from feedback_prompt", Long.class));
            loaded = true;
        }
    }
}
