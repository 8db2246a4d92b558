package ru.eventbot;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 file near the size of its data. The bot runs H2 with {@code WRITE_DELAY=0}, so that every
 * commit is in the file before it returns (what {@code kill -9} safety needs); but then H2 starts no background
 * thread, and that thread is what rewrites the chunks each commit leaves mostly dead and frees their space. Without
 * it the file grows by kilobytes per commit for good: 2.4 GB after the intake benchmark's 150,000 updates; 368 MB
 * for 15,000 rows written in 3,000 commits, 1.7 MB once compacted ({@code H2FileCompactionTests}). Every minute,
 * when less than half of what the file's chunks hold is still live, this runs H2's own compaction. While the bot is
 * busy, it only rewrites {@value #BUSY_REWRITE_BYTES} bytes of live data out of the emptiest chunks, whose space later
 * commits reuse, so the file grows more slowly; H2's own step (a 16 MB rewrite, then moving chunks to shrink
 * the file) held commits back for 100-500 ms and used over a second of CPU on the development machine under load.
 * When the last minute saw fewer than {@value #QUIET_COMMITS} commits, it compacts and shrinks the file for up to
 * {@value #QUIET_MILLIS} ms, so that what a busy hour left behind goes in the quiet one after. Nothing to do on
 * PostgreSQL.
 */
@Component
class H2FileCompaction {

    /** While the bot is busy: the live data a run rewrites out of the emptiest chunks (it moves nothing). */
    static final int BUSY_REWRITE_BYTES = 2 << 20;
    static final int QUIET_MILLIS = 2_000;
    static final long QUIET_COMMITS = 60;
    /** Below this share of live data in the file's chunks a run compacts; above it, it leaves the file alone. */
    static final int FILL_RATE_PERCENT = 50;
    /** A busy run rewrites chunks until the live share of the file's chunks is at least this (H2's default). */
    private static final int REWRITE_FILL_RATE_PERCENT = 90;
    private static final Logger log = LoggerFactory.getLogger(H2FileCompaction.class);
    private static final long WORTH_A_LOG_LINE = 16L << 20;

    private final DataSource dataSource;
    /** The store's version (one more per commit) after the last run; -1 before the first. */
    private long lastVersion = -1;

    H2FileCompaction(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Scheduled(initialDelayString = "${eventbot.h2-compaction-interval:PT1M}",
            fixedDelayString = "${eventbot.h2-compaction-interval:PT1M}")
    void compact() {
        try {
            compactNow();
        } catch (SQLException | RuntimeException e) {
            log.warn("Compacting the database file failed; it is tried again in a minute", e);
        }
    }

    /**
     * Compacts the embedded H2 file as much as the commits since the last run allow; returns the bytes by which the
     * file shrank (0 on other databases, and while the bot is busy).
     */
    synchronized long compactNow() throws SQLException {
        try (var connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)
                    || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)
                    || session.getDatabase().getStore() == null) {
                return 0; // PostgreSQL, or an H2 server we do not own
            }
            var store = session.getDatabase().getStore().getMvStore();
            if (store.getFileStore() == null || store.getFileStore().getFileName() == null) {
                return 0; // in memory
            }
            var commits = lastVersion < 0 ? Long.MAX_VALUE : store.getCurrentVersion() - lastVersion;
            lastVersion = store.getCurrentVersion();
            if (store.getFileStore().getChunksFillRate() >= FILL_RATE_PERCENT) {
                return 0;
            }
            var before = sizeOf(store);
            var started = System.nanoTime();
            var retention = store.getRetentionTime();
            try {
                if (busy(commits)) {
                    store.setRetentionTime(0); // chunks already dead are freed now, as compactFile does
                    store.compact(REWRITE_FILL_RATE_PERCENT, BUSY_REWRITE_BYTES);
                } else {
                    store.compactFile(QUIET_MILLIS); // sets the retention time to 0 for its moves
                }
            } finally {
                store.setRetentionTime(retention);
            }
            lastVersion = store.getCurrentVersion();
            var freed = before - sizeOf(store);
            if (freed >= WORTH_A_LOG_LINE) {
                log.info("Database file compacted from {} MB to {} MB in {} ms", before >> 20, (before - freed) >> 20,
                        (System.nanoTime() - started) / 1_000_000);
            }
            return freed;
        }
    }

    /** Busy: a short rewrite only; quiet: long enough to catch up. */
    static boolean busy(long commitsInTheLastRun) {
        return commitsInTheLastRun >= QUIET_COMMITS;
    }

    private static long sizeOf(MVStore store) {
        return store.getFileStore().size();
    }
}
