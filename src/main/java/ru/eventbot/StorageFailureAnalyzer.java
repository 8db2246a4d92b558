package ru.eventbot;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Explains in one line why the bot's storage could not be opened: the data folder is unusable
 * ({@link DataDirUnusableException}), the H2 database is locked by another process (H2 error 90020: a second
 * instance on the same {@code EVENTBOT_DATA_DIR}), or the disk filled up while the database was being opened.
 * Nothing is written in any of these cases: H2 refuses a locked file before reading it.
 */
public class StorageFailureAnalyzer implements FailureAnalyzer {

    /** H2's {@code ErrorCode.DATABASE_ALREADY_OPEN_1}: the database file is locked by another process. */
    static final int H2_DATABASE_ALREADY_OPEN = 90020;

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataDirUnusableException unusable) {
                return new FailureAnalysis(unusable.getMessage(),
                        "Point EVENTBOT_DATA_DIR at a writable folder on a disk with free space.", unusable);
            }
            if (cause instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return new FailureAnalysis("The database in EVENTBOT_DATA_DIR is locked by another process "
                        + "(is another instance of the bot running on the same data folder?): " + firstLine(sql),
                        "Stop the other instance, or give this one its own EVENTBOT_DATA_DIR.", sql);
            }
            if (cause.getMessage() != null && cause.getMessage().contains("No space left on device")) {
                return new FailureAnalysis("The disk of EVENTBOT_DATA_DIR is full: " + firstLine(cause),
                        "Free some space on that disk (or move EVENTBOT_DATA_DIR) and start again.", cause);
            }
        }
        return null;
    }

    private static String firstLine(Throwable e) {
        var message = String.valueOf(e.getMessage());
        var end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
