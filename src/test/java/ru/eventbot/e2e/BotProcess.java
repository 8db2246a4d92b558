package ru.eventbot.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import ru.eventbot.EventBotApplication;

/**
 * The application in a separate JVM, so a test can kill it with SIGKILL ({@code kill -9}) or stop it with SIGTERM
 * exactly as an operator or a crash would. Its output goes to a log file next to its data.
 */
public final class BotProcess {

    private final Path dataDir;
    private final List<String> command;
    private Process process;
    private int starts;

    public BotProcess(String apiUrl, String token, Path dataDir, String... extraArguments) {
        this.dataDir = dataDir;
        var classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", classpath,
                EventBotApplication.class.getName(),
                "--eventbot.telegram.token=" + token,
                "--eventbot.telegram.api-url=" + apiUrl,
                "--eventbot.telegram.poll-timeout=5s",
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("eventbot") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
                "--eventbot.data-dir=" + dataDir,
                "--eventbot.account.admin-password=" + RunningBot.ADMIN_PASSWORD,
                "--server.port=0",
                "--spring.main.banner-mode=off"));
        for (var extra : extraArguments) {
            // a repeated --key=value would become a list; the extra one replaces the default instead
            var key = extra.substring(0, extra.indexOf('=') + 1);
            command.removeIf(argument -> argument.startsWith(key));
            command.add(extra);
        }
    }

    /** Replaces a JVM option of the same kind ({@code -Xmx256m} replaces {@code -Xmx512m}), or adds it. */
    public BotProcess withJvmOption(String option) {
        var kind = option.startsWith("-Xmx") ? "-Xmx" : option.contains("=") ? option.substring(0, option.indexOf('=') + 1)
                : option;
        var mainClass = command.indexOf(EventBotApplication.class.getName());
        command.subList(1, mainClass).removeIf(existing -> existing.startsWith(kind));
        command.add(command.indexOf("-cp"), option);
        return this;
    }

    /** The operating system's id of the running bot. */
    public long pid() {
        return process.pid();
    }

    /** What the bot has written to its console since its last start. */
    public Path dataDir() {
        return dataDir;
    }

    public Path log() {
        return dataDir.resolve("bot-" + starts + ".log");
    }

    public BotProcess start() {
        try {
            var log = dataDir.resolve("bot-" + (++starts) + ".log").toFile();
            process = new ProcessBuilder(command)
                    .directory(new File(System.getProperty("user.dir")))
                    .redirectErrorStream(true)
                    .redirectOutput(log)
                    .start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hook, no flush, nothing. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, and how long the JVM took to exit. */
    public Duration terminate() throws InterruptedException {
        var start = System.nanoTime();
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The bot did not exit within 30 s of SIGTERM");
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Reads the bot's database directly; only while no bot process runs. */
    public <T> T query(SqlWork<T> work) {
        if (isAlive()) {
            throw new IllegalStateException("The database is in use by the bot process");
        }
        try (var connection = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("eventbot"), "sa", "")) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(java.sql.Connection connection) throws SQLException;
    }
}
