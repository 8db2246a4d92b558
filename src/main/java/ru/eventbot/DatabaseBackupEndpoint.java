package ru.eventbot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.stereotype.Component;

/**
 * {@code POST /actuator/backup} (an admin account): an online, transactionally consistent copy of the embedded H2
 * database ({@code BACKUP TO}) into {@code EVENTBOT_DATA_DIR/backups/eventbot-<time>.zip}, while the bot keeps
 * working. On PostgreSQL it refuses with 409: back that up with {@code pg_dump} (docs/operations.md).
 */
@Component
@Endpoint(id = "backup")
public class DatabaseBackupEndpoint {

    private static final Logger log = LoggerFactory.getLogger(DatabaseBackupEndpoint.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final DataSource dataSource;
    private final StorageProperties storage;
    private final Clock clock;

    public DatabaseBackupEndpoint(DataSource dataSource, StorageProperties storage, Clock clock) {
        this.dataSource = dataSource;
        this.storage = storage;
        this.clock = clock;
    }

    @WriteOperation
    public WebEndpointResponse<Map<String, Object>> backup() throws Exception {
        try (var connection = dataSource.getConnection()) {
            var product = connection.getMetaData().getDatabaseProductName();
            if (!"H2".equals(product)) {
                return new WebEndpointResponse<>(Map.of("error", "The database is " + product
                        + ": back it up with its own tools (pg_dump), see docs/operations.md"), 409);
            }
            var folder = storage.dataDir().resolve("backups").toAbsolutePath();
            Files.createDirectories(folder);
            var file = folder.resolve("eventbot-" + NAME.format(clock.instant()) + ".zip");
            var started = System.nanoTime();
            try (var statement = connection.createStatement()) {
                statement.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
            }
            var millis = (System.nanoTime() - started) / 1_000_000;
            log.info("Database backed up to {} ({} bytes, {} ms)", file, Files.size(file), millis);
            return new WebEndpointResponse<>(Map.of("file", file.toString(), "bytes", Files.size(file),
                    "millis", millis), 200);
        } catch (SQLException e) {
            log.error("Backing up the database failed", e);
            return new WebEndpointResponse<>(Map.of("error", "Backup failed: " + e.getMessage()), 500);
        }
    }

    /** Where backups go, for tests and the documentation. */
    Path folder() {
        return storage.dataDir().resolve("backups");
    }
}
