package ru.eventbot.participant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A module's part of a participant's personal data export ({@code /mydata}): each module that stores something
 * about a participant implements this next to its erasure on {@link ParticipantForgotten}, so what is erased and
 * what is exported are kept side by side.
 */
public interface PersonalDataSection {

    /**
     * What this module stores about {@code telegramUserId}, by name (each value a record, list or map Jackson can
     * write); empty lists rather than missing names when there is nothing.
     */
    Map<String, Object> about(long telegramUserId);

    /** A timestamp column as an instant, or null. */
    static Instant instant(ResultSet row, String column) throws SQLException {
        var value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
