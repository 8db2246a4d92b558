package ru.eventbot.benchmark;

import ru.eventbot.testsupport.ScratchDirectories;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import ru.eventbot.e2e.BotProcess;
import ru.eventbot.e2e.ProcessApi;
import ru.eventbot.testsupport.telegram.FakeTelegram;
import ru.eventbot.testsupport.telegram.FakeUser;

/**
 * The bot in a JVM of its own (as in production, with its own heap limit), on an H2 database seeded before it
 * starts: participants known to the fake Telegram and materials with their files. Reads what the operating system
 * and the bot's own metrics say about its memory.
 */
final class ChildBot implements AutoCloseable {

    private final BotProcess process;
    private final ProcessApi api;
    private final List<FakeUser> participants;

    private ChildBot(BotProcess process, ProcessApi api, List<FakeUser> participants) {
        this.process = process;
        this.api = api;
        this.participants = participants;
    }

    /** Seeds the database (schema by the bot's own Flyway migrations), then starts the bot with {@code -Xmx}. */
    static ChildBot start(FakeTelegram telegram, int participants, int materials, String heap, String... arguments) {
        return start(telegram, participants, materials, List.of("-Xmx" + heap), arguments);
    }

    /** With these JVM options (the JIT compiles fully, as in production, unless they say otherwise). */
    static ChildBot start(FakeTelegram telegram, int participants, int materials, List<String> jvmOptions,
                          String... arguments) {
        try {
            var dataDir = ScratchDirectories.create("eventbot-child");
            var url = "jdbc:h2:file:" + dataDir.resolve("eventbot") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
            Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
            var users = seed(telegram, url, dataDir, participants, materials);
            var api = new ProcessApi(ProcessApi.freePort());
            var all = new ArrayList<>(List.of(arguments));
            all.add(api.portArgument());
            all.add("--logging.level.ru.eventbot=WARN");
            all.add("--eventbot.flood.messages=1000000"); // a load test floods the bot by design
            var process = new BotProcess(telegram.baseUrl(), telegram.token(), dataDir, all.toArray(String[]::new))
                    .withJvmOption("-XX:TieredStopAtLevel=4")
                    .withJvmOption("-XX:+ExitOnOutOfMemoryError");
            jvmOptions.forEach(process::withJvmOption);
            process.start();
            api.awaitUp(Duration.ofMinutes(3));
            return new ChildBot(process, api, users);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<FakeUser> seed(FakeTelegram telegram, String url, Path dataDir, int count, int materials)
            throws IOException {
        var users = new ArrayList<FakeUser>(count);
        var now = Timestamp.from(Instant.now());
        try (var connection = java.sql.DriverManager.getConnection(url, "sa", "")) {
            connection.setAutoCommit(false);
            try (var insert = connection.prepareStatement("insert into participant (id, telegram_user_id, chat_id, "
                    + "first_name, last_name, language, subscribed, blocked, consent_version, consent_at, created_at, "
                    + "updated_at) values (?, ?, ?, ?, ?, 'RU', true, false, 'v1', ?, ?, ?)")) {
                for (int i = 0; i < count; i++) {
                    var user = telegram.user("Участник" + i, "Нагрузочный").knownToTheBot();
                    users.add(user);
                    insert.setLong(1, 5_000_000L + i);
                    insert.setLong(2, user.id());
                    insert.setLong(3, user.chatId());
                    insert.setString(4, user.firstName());
                    insert.setString(5, user.lastName());
                    insert.setTimestamp(6, now);
                    insert.setTimestamp(7, now);
                    insert.setTimestamp(8, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (var event = connection.prepareStatement("insert into event (id, title, description, venue, starts_at, "
                    + "ends_at, time_zone, created_at, updated_at, version) values (1, 'Форум инноваций', "
                    + "'Нагрузочный', 'Технопарк', ?, ?, 'Europe/Moscow', ?, ?, 0)")) {
                event.setTimestamp(1, Timestamp.from(Instant.now().plus(Duration.ofDays(10))));
                event.setTimestamp(2, Timestamp.from(Instant.now().plus(Duration.ofDays(10)).plusSeconds(7200)));
                event.setTimestamp(3, now);
                event.setTimestamp(4, now);
                event.executeUpdate();
            }
            Files.createDirectories(dataDir.resolve("materials"));
            try (var material = connection.prepareStatement("insert into material (id, event_id, event_title, title, "
                    + "speaker, description, file_name, stored_path, size_bytes, content_type, sha256, created_at) "
                    + "values (?, 1, 'Форум инноваций', ?, ?, ?, ?, ?, ?, 'application/pdf', ?, ?)")) {
                for (int i = 1; i <= materials; i++) {
                    var content = ("%PDF-1.4\n% material " + i + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
                    var stored = "materials/seed-" + i + ".pdf";
                    Files.write(dataDir.resolve(stored), content);
                    material.setLong(1, i);
                    material.setString(2, "Доклад номер " + i + " о государственных услугах");
                    material.setString(3, "Докладчик " + i);
                    material.setString(4, "Презентация доклада " + i);
                    material.setString(5, "talk-" + i + ".pdf");
                    material.setString(6, stored);
                    material.setLong(7, content.length);
                    material.setString(8, sha256(content));
                    material.setTimestamp(9, now);
                    material.addBatch();
                }
                material.executeBatch();
            }
            connection.commit();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return users;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    List<FakeUser> participants() {
        return participants;
    }

    ProcessApi api() {
        return api;
    }

    BotProcess process() {
        return process;
    }

    /** Resident memory of the bot's process (VmRSS in /proc/&lt;pid&gt;/status), in MB. */
    double residentMb() {
        try {
            for (var line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
            throw new IllegalStateException("No VmRSS for the bot's process");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sum of the series named {@code name} (with these labels) at /actuator/prometheus, e.g. the heap's pools. */
    double metric(String name, String... labels) {
        var text = api.get("/actuator/prometheus").body();
        var line = Pattern.compile("^" + name + "(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE).matcher(text);
        var sum = 0.0;
        while (line.find()) {
            var series = line.group(1) == null ? "" : line.group(1);
            if (List.of(labels).stream().allMatch(series::contains)) {
                sum += Double.parseDouble(line.group(2));
            }
        }
        return sum;
    }

    /** Runs {@code jcmd <pid> <command>} on the bot's JVM and returns what it printed. */
    String jcmd(String... command) {
        try {
            var jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            var arguments = new ArrayList<>(List.of(jcmd, String.valueOf(process.pid())));
            arguments.addAll(List.of(command));
            var run = new ProcessBuilder(arguments).redirectErrorStream(true).start();
            var output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            run.waitFor();
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Heap in use now, and the long-lived heap after the last collection, in MB. */
    double heapUsedMb() {
        return metric("jvm_memory_used_bytes", "area=\"heap\"") / (1024 * 1024);
    }

    double liveHeapAfterGcMb() {
        return metric("jvm_gc_live_data_size_bytes") / (1024 * 1024);
    }

    void awaitIdle(Duration period) {
        await().pollDelay(period).atMost(period.plusSeconds(5)).until(() -> true);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.terminate();
        }
    }
}
