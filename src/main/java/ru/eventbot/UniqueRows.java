package ru.eventbot;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Inserts a row keyed by a unique key unless it is there already (a concurrent press, a repeated reaction), in SQL
 * that runs on H2 and PostgreSQL alike. On PostgreSQL a failed statement spoils the whole transaction, so inside a
 * transaction the insert runs under a JDBC savepoint: a duplicate rolls back only the insert, and the caller's
 * transaction goes on.
 */
@Component
public class UniqueRows {

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    UniqueRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.dataSource = jdbc.getDataSource();
    }

    /** Runs the insert; false when a row with the same key existed already. */
    public boolean insert(String sql, Object... arguments) {
        var connection = DataSourceUtils.getConnection(dataSource); // the transaction's own, if there is one
        try {
            if (connection.getAutoCommit()) {
                return insertOrFalse(sql, arguments);
            }
            var savepoint = connection.setSavepoint();
            var inserted = insertOrFalse(sql, arguments);
            if (inserted) {
                connection.releaseSavepoint(savepoint);
            } else {
                connection.rollback(savepoint);
            }
            return inserted;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not insert under a savepoint: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private boolean insertOrFalse(String sql, Object... arguments) {
        try {
            return jdbc.update(sql, arguments) == 1;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }
}
