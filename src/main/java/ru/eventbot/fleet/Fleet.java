package ru.eventbot.fleet;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.eventbot.StorageProperties;

/**
 * This instance's place in the fleet: its id (the owner written on every row it claims), whether the database is
 * shared by several instances (PostgreSQL; H2 is embedded and so single-instance), how many instances run now (the
 * fleet shares Telegram's send rate), and timers that fire on one instance at a time (ShedLock). See docs/fleet.md.
 */
@Component
public class Fleet {

    private final String instanceId;
    private final JdbcTemplate jdbc;
    private final LockingTaskExecutor locks;
    private volatile Boolean shared;
    private volatile int running = 1;
    private volatile boolean settled;
    private volatile boolean leftSettled;

    Fleet(FleetProperties properties, StorageProperties storage, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.instanceId = properties.instanceId() == null || properties.instanceId().isBlank()
                ? defaultId(storage) : properties.instanceId().trim();
        this.locks = new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(
                JdbcTemplateLockProvider.Configuration.builder().withJdbcTemplate(jdbc).usingDbTime().build()));
    }

    /** The host name and a digest of the data folder's absolute path: unique per folder, stable across restarts. */
    private static String defaultId(StorageProperties storage) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "host";
        }
        var folder = storage.dataDir().toAbsolutePath().normalize().toString();
        var digest = UUID.nameUUIDFromBytes(folder.getBytes(StandardCharsets.UTF_8)).toString().substring(0, 8);
        var id = host + "-" + digest;
        return id.length() <= 128 ? id : id.substring(id.length() - 128);
    }

    public String instanceId() {
        return instanceId;
    }

    /** Whether other instances may share the database: true on PostgreSQL, false on the embedded H2. */
    public boolean shared() {
        var known = shared;
        if (known == null) {
            var product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
            known = product != null && product.toLowerCase(java.util.Locale.ROOT).contains("postgres");
            shared = known;
        }
        return known;
    }

    /** This instance's part of a fleet-wide rate: an equal share among the running instances, at least 1. */
    public int share(int rate) {
        return Math.max(1, rate / Math.max(1, running));
    }

    /**
     * Whether every other instance has seen this one by now (one renewal period after it joined), so that the
     * shares of the rate add up to at most the rate; broadcasting waits for it.
     */
    public boolean settled() {
        return settled || !shared();
    }

    /**
     * Called by the intake as it stops: whether its lanes ended with every reply's outcome recorded. Then the
     * replies this instance leaves PENDING were never sent, and whoever takes over may send them.
     */
    public void leavingSettled(boolean settledNow) {
        leftSettled = settledNow;
    }

    boolean leftSettled() {
        return leftSettled;
    }

    void running(int count, boolean settledNow) {
        running = Math.max(1, count);
        settled = settled || settledNow;
    }

    /**
     * Runs a timer's work unless another instance is running it ({@code task} names the lock). The lock is held at
     * least {@code atLeast} (so instances ticking at other moments do not repeat the work at once) and at most
     * {@code atMost} (should the instance die holding it). Alone on its database (H2) an instance just runs it:
     * the lock would cost two commits per tick for nothing.
     */
    public void once(String task, Duration atLeast, Duration atMost, Runnable work) {
        if (!shared()) {
            work.run();
            return;
        }
        locks.executeWithLock(work, new LockConfiguration(Instant.now(), task, atMost, atLeast));
    }
}
