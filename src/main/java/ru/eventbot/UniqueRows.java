package ru.eventbot;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Inserts a row keyed by a unique key unless it is there already (a concurrent press, a repeated reaction), in SQL
 * that runs on H2 and PostgreSQL alike. On PostgreSQL a failed statement spoils the whole transaction, so the
 * insert runs under a savepoint: a duplicate rolls back only the insert, and the caller's transaction goes on.
 */
@Component
public class UniqueRows {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate savepoint;

    UniqueRows(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Runs the insert; false when a row with the same key existed already. */
    public boolean insert(String sql, Object... arguments) {
        try {
            return Boolean.TRUE.equals(savepoint.execute(status -> jdbc.update(sql, arguments) == 1));
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }
}
