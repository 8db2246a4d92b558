package ru.eventbot.benchmark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ru.eventbot.e2e.RunningBot;
import ru.eventbot.testsupport.postgres.PostgresTestDatabase;
import ru.eventbot.testsupport.telegram.FakeTelegram;

/**
 * The bot instances a benchmark runs: one by default, {@code -Dbenchmark.instances=2} for two on one database
 * (PostgreSQL only: {@code -Deventbot.test.database=postgres}; H2 is embedded, one instance).
 */
final class BenchmarkBots implements AutoCloseable {

    private final List<RunningBot> bots = new ArrayList<>();

    static int instances() {
        var instances = Integer.getInteger("benchmark.instances", 1);
        if (instances > 1 && !PostgresTestDatabase.active()) {
            throw new IllegalStateException("-Dbenchmark.instances=" + instances + " needs "
                    + "-D" + PostgresTestDatabase.SWITCH + "=postgres: H2 is embedded, one instance");
        }
        return instances;
    }

    static String database() {
        return PostgresTestDatabase.active() ? "PostgreSQL" : "H2";
    }

    /** Starts the instances one after the other; {@code perInstance} adds settings of the i-th (from 0). */
    static BenchmarkBots start(FakeTelegram telegram, Map<String, Object> settings,
                               java.util.function.IntFunction<Map<String, Object>> perInstance) {
        var started = new BenchmarkBots();
        var database = "bench_" + UUID.randomUUID().toString().replace("-", "");
        for (int i = 0; i < instances(); i++) {
            var all = new HashMap<>(settings);
            all.putAll(perInstance.apply(i));
            if (PostgresTestDatabase.active()) {
                all.put(PostgresTestDatabase.SHARED_DATABASE, database);
            }
            started.bots.add(RunningBot.start(telegram.baseUrl(), telegram.token(), all));
        }
        // as in service, where instances run long before a broadcast: each counts the others in its share of the
        // rate, and a later one has waited until the earlier ones count it (otherwise the first seconds measure that)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(1)).until(() -> started.bots.stream()
                .allMatch(bot -> bot.bean(ru.eventbot.fleet.Fleet.class).settled()));
        return started;
    }

    RunningBot first() {
        return bots.get(0);
    }

    List<RunningBot> all() {
        return bots;
    }

    @Override
    public void close() {
        bots.forEach(RunningBot::close);
    }
}
