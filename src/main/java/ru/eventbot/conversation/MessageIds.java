package ru.eventbot.conversation;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Component;

/**
 * Ids for conversation messages, taken from {@code conversation_message_seq} in blocks of 1,000 (the sequence's
 * increment, see V12), so that storing a message costs no round trip for its id.
 */
@Component
class MessageIds {

    private static final int BLOCK = 1_000;

    private final DataFieldMaxValueIncrementer sequence;
    private long next;
    private long end;

    MessageIds(DataSource dataSource) throws SQLException {
        String product;
        try (var connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        }
        this.sequence = product.toLowerCase().contains("postgres")
                ? new PostgresSequenceMaxValueIncrementer(dataSource, "conversation_message_seq")
                : new H2SequenceMaxValueIncrementer(dataSource, "conversation_message_seq");
    }

    synchronized long next() {
        if (next == end) {
            next = sequence.nextLongValue();
            end = next + BLOCK;
        }
        return next++;
    }
}
