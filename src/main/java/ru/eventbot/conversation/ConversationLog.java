package ru.eventbot.conversation;

import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.eventbot.fleet.Fleet;

/**
 * Writes conversation messages with plain JDBC batches: the update intake stores two messages per update, and
 * doing that through the ORM cost more than everything else the bot does with an update.
 */
@Component
class ConversationLog {

    private static final String INSERT = "insert into conversation_message (id, telegram_user_id, chat_id, direction, "
            + "kind, text, payload, telegram_message_id, update_id, delivery_status, created_at, owner) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final MessageIds ids;
    private final Fleet fleet;

    ConversationLog(JdbcTemplate jdbc, MessageIds ids, Fleet fleet) {
        this.fleet = fleet;
        this.jdbc = jdbc;
        this.ids = ids;
    }

    /** Gives each message its id and stores them all in one batch, in the caller's transaction. */
    List<ConversationMessage> append(List<ConversationMessage> messages) {
        if (messages.isEmpty()) {
            return messages;
        }
        var rows = messages.stream().map(message -> {
            message.assignId(ids.next());
            return new Object[] {message.getId(), message.getTelegramUserId(), message.getChatId(),
                    message.getDirection().name(), message.getKind().name(), message.getText(), message.getPayload(),
                    message.getTelegramMessageId(), message.getUpdateId(),
                    message.getDeliveryStatus() == null ? null : message.getDeliveryStatus().name(),
                    Timestamp.from(message.getCreatedAt()),
                    message.getDeliveryStatus() == null ? null : fleet.instanceId()};
        }).toList();
        jdbc.batchUpdate(INSERT, rows);
        return messages;
    }
}
