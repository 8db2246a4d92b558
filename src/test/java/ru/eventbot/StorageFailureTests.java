package ru.eventbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A data folder the bot cannot use stops it at start with one line saying why, before anything is written: a second
 * instance holding the database, a folder that is a file, a full disk.
 */
@ExtendWith(OutputCaptureExtension.class)
class StorageFailureTests {

    @Test
    void aSecondInstanceOnTheSameDataFolderStopsWithOneClearLineAndLeavesTheStoreAsItWas(CapturedOutput output,
                                                                                         @TempDir Path dataDir)
            throws Exception {
        // given: a store with a row in it, held open by another process (H2's own shell, as a running bot would)
        var url = "jdbc:h2:file:" + dataDir.resolve("eventbot");
        try (var connection = DriverManager.getConnection(url, "sa", "")) {
            connection.createStatement().execute("create table marker (id int primary key)");
            connection.createStatement().execute("insert into marker values (42)");
        }
        var holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.h2.tools.Shell", "-url", url, "-user", "sa")
                .redirectErrorStream(true).start();
        try {
            holder.getOutputStream().write("select 1;\n".getBytes());
            holder.getOutputStream().flush();
            awaitOutput(holder, "1");
            // when / then
            assertThatThrownBy(() -> start(dataDir, url)).hasStackTraceContaining("Database may be already in use");
            assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                    .contains("The database in EVENTBOT_DATA_DIR is locked by another process (is another instance "
                            + "of the bot running on the same data folder?)")
                    .contains("Stop the other instance, or give this one its own EVENTBOT_DATA_DIR.");
        } finally {
            holder.getOutputStream().close(); // the shell exits at the end of its input
            holder.waitFor(10, TimeUnit.SECONDS);
            holder.destroyForcibly();
        }
        try (var connection = DriverManager.getConnection(url, "sa", "");
             var rows = connection.createStatement().executeQuery("select id from marker")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(42);
            assertThat(connection.getMetaData().getTables(null, null, "flyway_schema_history", null).next())
                    .as("no migration ran on the locked store").isFalse();
        }
    }

    @Test
    void aDataFolderThatIsAFileStopsWithOneClearLine(CapturedOutput output, @TempDir Path parent) throws Exception {
        // given
        var notAFolder = Files.writeString(parent.resolve("data"), "a file");
        // when / then
        assertThatThrownBy(() -> start(notAFolder, "jdbc:h2:file:" + notAFolder.resolve("eventbot")))
                .isInstanceOf(DataDirUnusableException.class);
        assertThat(output.getAll()).contains("EVENTBOT_DATA_DIR " + notAFolder + " cannot be used: it is a file, "
                + "not a folder").doesNotContain("Flyway");
        assertThat(Files.readString(notAFolder)).isEqualTo("a file");
    }

    @Test
    void aFullDiskStopsWithOneClearLineBeforeAnythingIsWritten(CapturedOutput output, @TempDir Path dataDir) {
        // given: more free space required than any disk has: what the bot sees on a full disk
        // when / then
        assertThatThrownBy(() -> start(dataDir, "jdbc:h2:file:" + dataDir.resolve("eventbot"),
                "--eventbot.data-dir-min-free=1000000TB")).isInstanceOf(DataDirUnusableException.class);
        assertThat(output.getAll()).containsPattern("cannot be used: its disk is full: \\d+ MB free, at least "
                + "1048576000000 MB needed").contains("Point EVENTBOT_DATA_DIR at a writable folder");
        assertThat(dataDir).isEmptyDirectory();
    }

    @Test
    void aDiskThatFillsUpWhileTheDatabaseOpensIsNamedAsSuch() {
        // given: what H2 reports when a write fails with ENOSPC
        var failure = new IllegalStateException("Failed to initialize pool", new SQLException(
                "IO Exception: \"java.io.IOException: No space left on device\"", "08000", 90028,
                new IOException("No space left on device")));
        // when
        var analysis = new StorageFailureAnalyzer().analyze(failure);
        // then
        assertThat(analysis.getDescription()).startsWith("The disk of EVENTBOT_DATA_DIR is full");
        assertThat(new StorageFailureAnalyzer().analyze(new IllegalStateException("other"))).isNull();
    }

    private static void start(Path dataDir, String url, String... more) {
        var application = new SpringApplication(EventBotApplication.class);
        application.addListeners(new BotTokenCheck(), new DataDirCheck());
        var args = new java.util.ArrayList<>(java.util.List.of("--eventbot.telegram.token=1:storage-test",
                "--eventbot.telegram.api-url=http://127.0.0.1:9", "--eventbot.data-dir=" + dataDir,
                "--spring.datasource.url=" + url, "--server.port=0", "--spring.main.banner-mode=off"));
        args.addAll(java.util.List.of(more));
        application.run(args.toArray(String[]::new));
    }

    private static void awaitOutput(Process process, String expected) {
        try {
            var reader = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream()));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.contains(expected)) {
                    return;
                }
            }
            throw new IllegalStateException("the holding process ended before it opened the database");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
