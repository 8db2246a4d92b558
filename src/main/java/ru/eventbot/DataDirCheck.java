package ru.eventbot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.util.unit.DataSize;

/**
 * Refuses to start on a data folder the bot cannot use, before anything is written to it (no migration, no journal,
 * no index): it must be a folder, writable (a small file is written, synced and deleted), with at least
 * {@code eventbot.data-dir-min-free} (64 MB) free, as H2, the claim journals and the search index all stop
 * half-way on a full disk. {@link StorageFailureAnalyzer} then says what is wrong in one line. Registered by the
 * application's main method, like {@link BotTokenCheck}.
 */
public class DataDirCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final int PROBE_BYTES = 64 * 1024;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        var environment = event.getEnvironment();
        var dataDir = Path.of(environment.getProperty("eventbot.data-dir", "./data")).toAbsolutePath().normalize();
        var minFree = DataSize.parse(environment.getProperty("eventbot.data-dir-min-free", "64MB"));
        check(dataDir, minFree);
    }

    static void check(Path dataDir, DataSize minFree) {
        if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
            throw new DataDirUnusableException(dataDir, "it is a file, not a folder");
        }
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new DataDirUnusableException(dataDir, "it cannot be created (" + reason(e) + ")");
        }
        long usable;
        try {
            usable = Files.getFileStore(dataDir).getUsableSpace();
        } catch (IOException e) {
            throw new DataDirUnusableException(dataDir, "its disk cannot be read (" + reason(e) + ")");
        }
        if (usable < minFree.toBytes()) {
            throw new DataDirUnusableException(dataDir, "its disk is full: " + DataSize.ofBytes(usable).toMegabytes()
                    + " MB free, at least " + minFree.toMegabytes() + " MB needed (eventbot.data-dir-min-free)");
        }
        var probe = dataDir.resolve(".write-check");
        try (var channel = FileChannel.open(probe, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            var buffer = ByteBuffer.allocate(PROBE_BYTES);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            throw new DataDirUnusableException(dataDir, "it cannot be written (" + reason(e) + ")");
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException ignored) {
                // the write already failed and says why
            }
        }
    }

    private static String reason(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
