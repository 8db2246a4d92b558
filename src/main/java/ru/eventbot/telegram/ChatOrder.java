package ru.eventbot.telegram;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.eventbot.fleet.Fleet;

/**
 * One chat's updates in order across instances. In one instance a chat's updates go to one lane; several instances
 * behind a load balancer each store and handle what they were sent, so two of them could hold updates of the same
 * chat. On a shared database a lane's transaction therefore first takes a transaction-scoped advisory lock on each
 * chat of its batch ({@code pg_advisory_xact_lock}, in chat order, so two instances never deadlock), and then takes
 * along the chat's earlier updates stored by any instance and not yet handled: a chat's updates are handled one
 * transaction at a time, in {@code update_id} order. The instance that stored such an update finds it handled and
 * skips it ({@link InboundUpdateStore#markHandled} changes only RECEIVED rows). On H2 (one instance) nothing is
 * needed: lanes already keep each chat in one thread.
 */
@Component
class ChatOrder {

    private final Fleet fleet;
    private final JdbcTemplate jdbc;
    private final UpdateJson json;

    ChatOrder(Fleet fleet, JdbcTemplate jdbc, UpdateJson json) {
        this.fleet = fleet;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inside the handling transaction: the batch with its chats locked and their earlier updates, in order. */
    List<TakenUpdate> lockAndCatchUp(List<TakenUpdate> batch) {
        if (!fleet.shared()) {
            return batch;
        }
        var chats = batch.stream().map(TakenUpdate::chatId).filter(Objects::nonNull).distinct().sorted()
                .toArray(Long[]::new);
        if (chats.length == 0) {
            return batch;
        }
        var latest = batch.stream().mapToLong(TakenUpdate::updateId).max().orElseThrow();
        var inBatch = new HashSet<Long>();
        batch.forEach(update -> inBatch.add(update.updateId()));
        var earlier = jdbc.execute((ConnectionCallback<List<TakenUpdate>>) connection -> {
            var ids = connection.createArrayOf("bigint", chats);
            try (var lock = connection.prepareStatement(
                    "select pg_advisory_xact_lock(c) from unnest(?::bigint[]) with ordinality as t(c, n) order by n")) {
                lock.setArray(1, ids);
                lock.executeQuery().close();
            }
            var found = new ArrayList<TakenUpdate>();
            try (var select = connection.prepareStatement("select u.update_id, u.chat_id, p.payload "
                    + "from inbound_update u join inbound_update_payload p on p.update_id = u.update_id "
                    + "where u.status = 'RECEIVED' and u.update_id < ? and u.chat_id = any(?::bigint[])")) {
                select.setLong(1, latest);
                select.setArray(2, ids);
                try (var rows = select.executeQuery()) {
                    while (rows.next()) {
                        if (!inBatch.contains(rows.getLong(1))) {
                            found.add(new TakenUpdate(rows.getLong(1), rows.getLong(2), read(rows.getString(3))));
                        }
                    }
                }
            }
            return found;
        });
        if (earlier.isEmpty()) {
            return batch;
        }
        var all = new ArrayList<TakenUpdate>(batch.size() + earlier.size());
        all.addAll(earlier);
        all.addAll(batch);
        all.sort(Comparator.comparingLong(TakenUpdate::updateId));
        return all;
    }

    private org.telegram.telegrambots.meta.api.objects.Update read(String payload) {
        try {
            return json.read(payload);
        } catch (IOException e) {
            throw new IllegalStateException("A stored update is not an update", e);
        }
    }
}
