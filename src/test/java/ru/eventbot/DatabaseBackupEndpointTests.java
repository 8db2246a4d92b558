package ru.eventbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseBackupEndpointTests {

    @TempDir
    Path dataDir;

    @Test
    void copiesTheRunningH2DatabaseIntoTheBackupsFolder() throws Exception {
        // given: a database in use, with a row committed
        var dataSource = new org.springframework.jdbc.datasource.DriverManagerDataSource(
                "jdbc:h2:file:" + dataDir.resolve("eventbot") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
        try (var open = dataSource.getConnection()) {
            open.createStatement().execute("create table note (id int primary key, text varchar(20))");
            open.createStatement().execute("insert into note values (1, 'kept')");
            var endpoint = new DatabaseBackupEndpoint(dataSource, new StorageProperties(dataDir),
                    Clock.fixed(Instant.parse("2026-11-26T04:15:00Z"), ZoneOffset.UTC));
            // when
            var response = endpoint.backup();
            // then
            assertThat(response.getStatus()).isEqualTo(200);
            var file = dataDir.resolve("backups/eventbot-20261126-041500.zip");
            assertThat(response.getBody()).containsEntry("file", file.toAbsolutePath().toString());
            try (var zip = new ZipFile(file.toFile())) {
                assertThat(zip.getEntry("eventbot.mv.db")).isNotNull();
            }
        }
        // and the copy opens as a database with the row
        var restored = Files.createDirectories(dataDir.resolve("restored"));
        try (var zip = new ZipFile(dataDir.resolve("backups/eventbot-20261126-041500.zip").toFile());
             var in = zip.getInputStream(zip.getEntry("eventbot.mv.db"))) {
            Files.copy(in, restored.resolve("eventbot.mv.db"));
        }
        try (var copy = java.sql.DriverManager.getConnection("jdbc:h2:file:" + restored.resolve("eventbot"), "sa", "");
             var rows = copy.createStatement().executeQuery("select text from note where id = 1")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("kept");
        }
    }
}
