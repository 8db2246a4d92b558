package ru.eventbot.telegram;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.telegram.telegrambots.meta.api.objects.Update;
import ru.eventbot.fleet.Fleet;

/**
 * The durable intake: an update counts as taken once its row is committed here (unique {@code update_id}), and
 * only then is its offset confirmed to Telegram or its webhook call answered 200. A webhook call is stored before
 * it is answered ({@link #storeNew}); a getUpdates answer is stored by the lane transactions that handle its
 * updates ({@link #insertHandled}), since its offset can wait for them. Plain JDBC, in batches, because this is
 * the hottest write path of the bot.
 */
@Component
class InboundUpdateStore {

    static final int MAX_ATTEMPTS = 3;

    private static final String INSERT_UPDATE = "insert into inbound_update (update_id, chat_id, update_type, status, "
            + "attempts, received_at, handled_at, error, owner) values (?, ?, ?, ?, 1, ?, ?, ?, ?)";
    private static final String INSERT_PAYLOAD = "insert into inbound_update_payload (update_id, payload) values (?, ?)";

    private final JdbcTemplate jdbc;
    private final UpdateJson json;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final Fleet fleet;

    InboundUpdateStore(JdbcTemplate jdbc, UpdateJson json, Clock clock, TransactionTemplate transaction, Fleet fleet) {
        this.fleet = fleet;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.transaction = transaction;
    }

    /** Stores the updates not seen before and returns them; updates already stored (re-deliveries) are skipped. */
    @Transactional
    public List<TakenUpdate> storeNew(List<Update> updates, List<String> rawPayloads) {
        var fresh = new ArrayList<TakenUpdate>(updates.size());
        var rows = new ArrayList<Object[]>(updates.size());
        var payloads = new ArrayList<Object[]>(updates.size());
        var now = Timestamp.from(clock.instant());
        for (int i : unseen(updates)) {
            var update = updates.get(i);
            var taken = new TakenUpdate(update.getUpdateId(), UpdateType.chatIdOf(update), update);
            rows.add(row(taken, "RECEIVED", now, null, null));
            payloads.add(new Object[] {taken.updateId(), rawPayloads != null ? rawPayloads.get(i) : json.write(update)});
            fresh.add(taken);
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(INSERT_UPDATE, rows);
            jdbc.batchUpdate(INSERT_PAYLOAD, payloads);
        }
        return fresh;
    }

    /**
     * The updates of a getUpdates answer not stored before, for the lanes to store with their handling. Telegram
     * delivers again what a crashed run had not stored; what it had stored comes back here as known and is
     * skipped, as is an update that occurs twice in one answer.
     */
    List<TakenUpdate> unseen(List<Update> updates, List<String> rawPayloads, PollRound round) {
        var fresh = new ArrayList<TakenUpdate>(updates.size());
        for (int i : unseen(updates)) {
            fresh.add(TakenUpdate.polled(updates.get(i), rawPayloads.get(i), round));
        }
        return fresh;
    }

    /** The positions of the updates neither stored before nor met earlier in the list. */
    private List<Integer> unseen(List<Update> updates) {
        if (updates.isEmpty()) {
            return List.of();
        }
        var known = knownIds(updates);
        var seen = new HashSet<Long>();
        var positions = new ArrayList<Integer>(updates.size());
        for (int i = 0; i < updates.size(); i++) {
            long id = updates.get(i).getUpdateId();
            if (!known.contains(id) && seen.add(id)) {
                positions.add(i);
            }
        }
        return positions;
    }

    /**
     * Inside the transaction that handles them: stores polled updates as handled. Their payload is not kept:
     * what a handled update said is in the conversation, and the rest of what Telegram sends (names, usernames)
     * is not needed. A failed update keeps it ({@link #recordFailure}).
     */
    void insertHandled(List<TakenUpdate> polled) {
        if (polled.isEmpty()) {
            return;
        }
        var now = Timestamp.from(clock.instant());
        jdbc.batchUpdate(INSERT_UPDATE, polled.stream().map(taken -> row(taken, "HANDLED", now, now, null)).toList());
    }

    /**
     * Inside the transaction that handles one update: marks it handled, storing it if it came with a getUpdates
     * answer. False when it was handled or given up on before (a re-delivery, or another instance's).
     */
    boolean claim(TakenUpdate taken) {
        if (taken.stored()) {
            return markHandled(taken.updateId());
        }
        if (isKnown(taken.updateId())) {
            return false;
        }
        insertHandled(List.of(taken));
        return true;
    }

    /** Marks an update FAILED, storing it with its payload if it came with a getUpdates answer; false as in claim. */
    boolean recordFailure(TakenUpdate taken, String error) {
        if (taken.stored()) {
            return markFailed(taken.updateId(), error);
        }
        if (isKnown(taken.updateId())) {
            return false;
        }
        var now = Timestamp.from(clock.instant());
        jdbc.update(INSERT_UPDATE, row(taken, "FAILED", now, now, clip(error)));
        jdbc.update(INSERT_PAYLOAD, taken.updateId(), taken.payload());
        return true;
    }

    private Object[] row(TakenUpdate taken, String status, Timestamp receivedAt, Timestamp handledAt, String error) {
        return new Object[] {taken.updateId(), taken.chatId(), UpdateType.of(taken.update()).apiName(), status,
                receivedAt, handledAt, error, fleet.instanceId()};
    }

    private boolean isKnown(long updateId) {
        return !jdbc.queryForList("select 1 from inbound_update where update_id = ?", Integer.class, updateId)
                .isEmpty();
    }

    /**
     * One webhook delivery; false when it was stored before (Telegram delivered it again). A concurrent delivery of
     * the same update to another request or instance loses on the unique key, outside the failed transaction.
     */
    public boolean storeOne(TakenUpdate update, String rawPayload) {
        try {
            return !transaction.execute(status -> storeNew(List.of(update.update()), List.of(rawPayload))).isEmpty();
        } catch (DuplicateKeyException concurrentDelivery) {
            return false;
        }
    }

    private Set<Long> knownIds(List<Update> updates) {
        var ids = updates.stream().map(u -> String.valueOf(u.getUpdateId().longValue())).collect(Collectors.joining(","));
        return new HashSet<>(jdbc.queryForList("select update_id from inbound_update where update_id in (" + ids + ")",
                Long.class));
    }

    /** Called inside the handling transaction: false when the update was already handled or given up on. */
    boolean markHandled(long updateId) {
        return jdbc.update("update inbound_update set status = 'HANDLED', handled_at = ? "
                + "where update_id = ? and status = 'RECEIVED'", Timestamp.from(clock.instant()), updateId) == 1;
    }

    boolean markFailed(long updateId, String error) {
        return jdbc.update("update inbound_update set status = 'FAILED', handled_at = ?, error = ? "
                        + "where update_id = ? and status = 'RECEIVED'",
                Timestamp.from(clock.instant()), clip(error), updateId) == 1;
    }

    /**
     * Updates stored but not handled when the process stopped, oldest first, each counted as one more attempt.
     * An update that already had {@link #MAX_ATTEMPTS} (it may be what crashed the process) is marked FAILED.
     * On a shared database, only those this instance stored: the others belong to running instances, or are taken
     * over when their lease runs out ({@link #takeOver}).
     */
    @Transactional
    public List<TakenUpdate> takeUnhandled(int limit, long afterUpdateId) {
        var select = "select u.update_id, u.chat_id, p.payload, u.attempts from inbound_update u "
                + "join inbound_update_payload p on p.update_id = u.update_id where u.status = 'RECEIVED' "
                + "and u.update_id > ? ";
        RowMapper<Object[]> row = (rs, n) -> new Object[] {rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3),
                rs.getInt(4)};
        var rows = fleet.shared()
                ? jdbc.query(select + "and (u.owner = ? or u.owner is null) order by u.update_id fetch first ? rows only",
                        row, afterUpdateId, fleet.instanceId(), limit)
                : jdbc.query(select + "order by u.update_id fetch first ? rows only", row, afterUpdateId, limit);
        return attempt(rows);
    }

    /** A lost instance's updates stored but not handled, now this instance's, oldest first (one more attempt). */
    List<TakenUpdate> takeOver(String lost, String by) {
        var rows = jdbc.query("select u.update_id, u.chat_id, p.payload, u.attempts from inbound_update u "
                        + "join inbound_update_payload p on p.update_id = u.update_id "
                        + "where u.status = 'RECEIVED' and u.owner = ? order by u.update_id",
                (rs, n) -> new Object[] {rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3), rs.getInt(4)},
                lost);
        jdbc.update("update inbound_update set owner = ? where owner = ? and status = 'RECEIVED'", by, lost);
        return attempt(rows);
    }

    private List<TakenUpdate> attempt(List<Object[]> rows) {
        var result = new ArrayList<TakenUpdate>();
        for (var row : rows) {
            long id = (Long) row[0];
            if ((Integer) row[3] >= MAX_ATTEMPTS) {
                markFailed(id, "gave up after " + MAX_ATTEMPTS + " attempts (the process stopped while handling it)");
                continue;
            }
            jdbc.update("update inbound_update set attempts = attempts + 1 where update_id = ?", id);
            try {
                result.add(new TakenUpdate(id, (Long) row[1], json.read((String) row[2])));
            } catch (java.io.IOException e) {
                markFailed(id, "stored payload is not an update: " + e.getMessage());
            }
        }
        return result;
    }

    private static String clip(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
