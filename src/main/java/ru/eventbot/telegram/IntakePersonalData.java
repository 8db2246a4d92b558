package ru.eventbot.telegram;

import static ru.eventbot.participant.PersonalDataSection.instant;

import java.time.Instant;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.eventbot.participant.ParticipantForgotten;
import ru.eventbot.participant.PersonalDataSection;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

/**
 * Erasure: updates as Telegram delivered them carry names and texts: a forgotten participant's are deleted. What remains of
 * them (update ids and states, which keep intake idempotent) no longer names the chat.
 * <p>
 * Export: the updates from a participant's chat as Telegram delivered them (until retention purges them).
 */
@Component
class IntakePersonalData implements PersonalDataSection {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    IntakePersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ParticipantForgotten forgotten) {
        jdbc.update("delete from inbound_update_payload where update_id in "
                + "(select update_id from inbound_update where chat_id = ?)", forgotten.telegramUserId());
        jdbc.update("update inbound_update set chat_id = null where chat_id = ?", forgotten.telegramUserId());
    }

    @Override
    public Map<String, Object> about(long telegramUserId) {
        return Map.of("updatesAsReceived", jdbc.query("select u.update_id, u.update_type, u.status, u.received_at, "
                        + "p.payload from inbound_update u left join inbound_update_payload p "
                        + "on p.update_id = u.update_id where u.chat_id = ? order by u.update_id",
                (row, n) -> new Received(row.getLong("update_id"), row.getString("update_type"),
                        row.getString("status"), instant(row, "received_at"), parse(row.getString("payload"))),
                telegramUserId));
    }

    private static JsonNode parse(String payload) {
        if (payload == null) {
            return null;
        }
        try {
            return JSON.readTree(payload);
        } catch (JacksonException e) {
            return StringNode.valueOf(payload);
        }
    }

    record Received(long updateId, String type, String status, Instant receivedAt, JsonNode update) {
    }
}
