package ru.eventbot.fleet;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This instance's lease in {@code bot_instance}: taken at start (before intake and broadcasting start), renewed every
 * third of {@code eventbot.fleet.lease}, and given up at a graceful stop (after they stopped), so that the others
 * take over at once what is left. At each renewal the instance looks for leases that ran out; the one instance
 * whose delete removes such a row takes over what that instance had claimed ({@link InstanceLost}), in the same
 * transaction. Times are the database's, so the hosts' clocks do not matter.
 */
@Component
class FleetMembership implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FleetMembership.class);
    private static final String LEFT_SETTLED = "left-settled";

    private final Fleet fleet;
    private final FleetProperties properties;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private volatile boolean running;
    private Thread renewer;
    private Instant joined;

    FleetMembership(Fleet fleet, FleetProperties properties, JdbcTemplate jdbc, TransactionTemplate transaction,
                    ApplicationEventPublisher events) {
        this.fleet = fleet;
        this.properties = properties;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.events = events;
    }

    @Override
    public void start() {
        transaction.executeWithoutResult(status -> {
            var now = databaseNow();
            if (!fleet.shared()) {
                jdbc.update("delete from bot_instance"); // the embedded H2 has one instance: this one
            }
            jdbc.update("delete from bot_instance where id = ?", fleet.instanceId());
            if (fleet.shared()) {
                // joins one at a time, so that two instances starting together cannot both find themselves alone
                jdbc.execute("lock table bot_instance in exclusive mode");
            }
            jdbc.update("insert into bot_instance (id, run_id, started_at, expires_at) values (?, ?, ?, ?)",
                    fleet.instanceId(), runId, Timestamp.from(now), Timestamp.from(now.plus(properties.lease())));
            joined = now;
            var others = jdbc.queryForObject("select count(*) from bot_instance where expires_at > ? and id <> ?",
                    Integer.class, Timestamp.from(now), fleet.instanceId());
            if (others != null && others == 0) {
                // alone: nobody else broadcasts, so nobody needs to count this one in first; whoever joins later
                // waits until this one has seen it
                fleet.running(1, true);
            }
        });
        log.info("Instance {} joined the fleet{}", fleet.instanceId(),
                fleet.shared() ? " (shared database: leases of " + properties.lease().toSeconds() + " s)" : "");
        running = true;
        renewer = new Thread(this::renewLoop, "fleet-lease");
        renewer.setDaemon(true);
        renewer.start();
    }

    private void renewLoop() {
        var period = properties.lease().toMillis() / 3;
        while (running) {
            try {
                synchronized (this) {
                    wait(period); // woken by stop(); never interrupted, as an interrupt inside H2 closes it
                }
                if (running) {
                    renew();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Could not renew this instance's lease; trying again", e);
            }
        }
    }

    void renew() {
        var now = databaseNow();
        var renewed = jdbc.update("update bot_instance set expires_at = ? where id = ? and run_id = ?",
                Timestamp.from(now.plus(properties.lease())), fleet.instanceId(), runId);
        if (renewed == 0) {
            log.error("Instance {} lost its lease (paused longer than {} s, or another process runs with the same "
                    + "EVENTBOT_INSTANCE_ID and data folder); joining again", fleet.instanceId(),
                    properties.lease().toSeconds());
            jdbc.update("insert into bot_instance (id, run_id, started_at, expires_at) values (?, ?, ?, ?)",
                    fleet.instanceId(), runId, Timestamp.from(now), Timestamp.from(now.plus(properties.lease())));
        }
        var live = jdbc.queryForObject("select count(*) from bot_instance where expires_at > ?", Integer.class,
                Timestamp.from(now));
        // every other instance renews (and counts this one) within a third of the lease; half of it leaves a margin
        fleet.running(live == null ? 1 : live, !now.isBefore(joined.plus(properties.lease().dividedBy(2))));
        for (var lost : jdbc.queryForList("select id, run_id from bot_instance where expires_at <= ? and id <> ?",
                Timestamp.from(now), fleet.instanceId())) {
            takeOver((String) lost.get("id"), LEFT_SETTLED.equals(lost.get("run_id")), now);
        }
    }

    private void takeOver(String lost, boolean leftSettled, Instant now) {
        transaction.executeWithoutResult(status -> {
            if (jdbc.update("delete from bot_instance where id = ? and expires_at <= ?", lost,
                    Timestamp.from(now)) == 1) {
                log.warn("Instance {} stopped renewing its lease; {} takes over what it had claimed", lost,
                        fleet.instanceId());
                events.publishEvent(new InstanceLost(lost, fleet.instanceId(), leftSettled));
            }
        });
    }

    private Instant databaseNow() {
        return jdbc.queryForObject("select current_timestamp", Timestamp.class).toInstant();
    }

    /** Gives the lease up, so that the others take over what this instance leaves at their next renewal. */
    @Override
    public void stop() {
        running = false;
        synchronized (this) {
            notifyAll();
        }
        try {
            if (renewer != null) {
                renewer.join(5_000);
            }
            // a stop with the lanes' journals emptied is marked, so that the replies left PENDING are sent by another
            jdbc.update("update bot_instance set expires_at = ?, run_id = ? where id = ? and run_id = ?",
                    Timestamp.from(databaseNow()), fleet.leftSettled() ? LEFT_SETTLED : runId, fleet.instanceId(),
                    runId);
            log.info("Instance {} left the fleet", fleet.instanceId());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Could not give up this instance's lease; it runs out by itself", e);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Joins before intake and broadcasting start; leaves after they stopped. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE / 2;
    }
}
