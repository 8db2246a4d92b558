package ru.eventbot.testsupport.postgres;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.UUID;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs the tests on PostgreSQL instead of H2 when the JVM has {@code -Deventbot.test.database=postgres} (the
 * second Surefire execution in pom.xml, or a benchmark): every application context a test starts, slice or whole
 * bot, is pointed at a database of the embedded server, with the {@code postgres} profile active exactly as in
 * production. Nothing in the tests themselves changes.
 *
 * <p>A whole bot (with {@code eventbot.data-dir}) gets the database named after its data folder, so a restart on
 * the same folder finds its data again; {@code eventbot.test.postgres-database} names a database that several
 * instances share (the fleet tests); a slice gets a fresh one.
 */
public final class PostgresTestDatabase implements EnvironmentPostProcessor, Ordered {

    public static final String SWITCH = "eventbot.test.database";
    public static final String SHARED_DATABASE = "eventbot.test.postgres-database";

    public static boolean active() {
        return "postgres".equals(System.getProperty(SWITCH));
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!active()) {
            return;
        }
        var properties = new HashMap<String, Object>();
        properties.put("spring.datasource.url", EmbeddedPostgresServer.database(databaseName(environment)));
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "postgres");
        properties.put("spring.test.database.replace", "none");
        properties.put("spring.profiles.active", "postgres");
        // many cached test contexts each keep a pool: idle connections are not kept open
        properties.put("spring.datasource.hikari.minimum-idle", "1");
        environment.getPropertySources().addFirst(new MapPropertySource("embedded-postgres", properties));
    }

    private static String databaseName(ConfigurableEnvironment environment) {
        var shared = environment.getProperty(SHARED_DATABASE);
        if (shared != null) {
            return shared;
        }
        var dataDir = environment.getProperty("eventbot.data-dir");
        var key = dataDir == null || dataDir.startsWith("${") ? UUID.randomUUID().toString() : dataDir;
        return "bot_" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }

    /** Before the config files are read, so that the {@code postgres} profile's file is read too. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }
}
