package ru.eventbot.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import ru.eventbot.StorageProperties;

/**
 * Instances joining the fleet (on PostgreSQL in the build's second pass; on the embedded H2 there is only ever
 * one): one that finds itself alone broadcasts at once, one that joins another waits until the other counts it.
 */
@JdbcTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class FleetMembershipTests {

    static final Duration LEASE = Duration.ofSeconds(3);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private final List<FleetMembership> started = new ArrayList<>();

    @AfterEach
    void leave() {
        started.forEach(FleetMembership::stop);
        jdbc.update("delete from bot_instance");
    }

    @Test
    void anInstanceAloneBroadcastsAtOnceAndOneJoiningItWaitsUntilTheFirstCountsIt() {
        // when
        var first = join("first");
        // then
        assertThat(first.settled()).as("alone: no one else to wait for").isTrue();
        assertThat(first.share(1_000)).isEqualTo(1_000);
        if (!first.shared()) {
            return; // the embedded H2: one instance by construction
        }
        // when
        var second = join("second");
        // then
        assertThat(second.settled()).as("the first may not have counted it yet").isFalse();
        await().atMost(LEASE.multipliedBy(3)).until(() -> first.share(1_000) == 500);
        await().atMost(LEASE.multipliedBy(3)).until(second::settled);
        assertThat(second.share(1_000)).isEqualTo(500);
    }

    private Fleet join(String id) {
        var properties = new FleetProperties(id, LEASE);
        var fleet = new Fleet(properties, new StorageProperties(Path.of("target")), jdbc);
        var membership = new FleetMembership(fleet, properties, jdbc, new TransactionTemplate(transactions),
                event -> { });
        membership.start();
        started.add(membership);
        return fleet;
    }
}
