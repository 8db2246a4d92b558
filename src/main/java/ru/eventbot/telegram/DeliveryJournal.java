package ru.eventbot.telegram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import ru.eventbot.StorageProperties;
import ru.eventbot.broadcast.DeliveryKey;
import ru.eventbot.broadcast.DeliveryState;

/**
 * The broadcaster's counterpart of {@link ClaimJournal}: for each claimed batch of copies, a file that gets a
 * record right before each call to Telegram and another right after it, deleted once the batch's outcomes are
 * committed. After a kill, the files left tell which copies were under way (UNCERTAIN: never sent again), which
 * had an outcome, and, by their absence, which were claimed but never called (sent after the restart).
 */
@Component
class DeliveryJournal {

    private static final String SUFFIX = ".deliveries";
    private static final int RECORD = 2 * Long.BYTES + 1;
    private static final byte IN_FLIGHT = 0;

    private final Path directory;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicLong batches = new AtomicLong();

    DeliveryJournal(StorageProperties storage) {
        this.directory = storage.dataDir().resolve("outbox");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + directory, e);
        }
    }

    Batch openBatch() {
        var file = directory.resolve("broadcast-" + runId + "-" + batches.incrementAndGet() + SUFFIX);
        try {
            return new Batch(file, FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the batches of earlier runs journaled: each copy's outcome, or UNCERTAIN when its call was under way. */
    Map<DeliveryKey, DeliveryState> unrecordedOfEarlierRuns() {
        var states = new HashMap<DeliveryKey, DeliveryState>();
        for (var file : earlierRunFiles()) {
            try {
                var buffer = ByteBuffer.wrap(Files.readAllBytes(file));
                while (buffer.remaining() >= RECORD) {
                    var key = new DeliveryKey(buffer.getLong(), buffer.getLong());
                    var code = buffer.get();
                    states.put(key, code == IN_FLIGHT ? DeliveryState.UNCERTAIN : DeliveryState.values()[code - 1]);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return states;
    }

    void forgetEarlierRuns() {
        earlierRunFiles().forEach(Batch::delete);
    }

    private List<Path> earlierRunFiles() {
        try (var files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                    .filter(f -> !f.getFileName().toString().startsWith("broadcast-" + runId + "-"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One claimed batch's journal, written by the threads sending its copies. */
    static final class Batch {

        private final Path file;
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(RECORD);

        private Batch(Path file, FileChannel channel) {
            this.file = file;
            this.channel = channel;
        }

        void claim(DeliveryKey key) {
            write(key, IN_FLIGHT);
        }

        void done(DeliveryKey key, DeliveryState state) {
            write(key, (byte) (state.ordinal() + 1));
        }

        private synchronized void write(DeliveryKey key, byte code) {
            try {
                buffer.clear();
                buffer.putLong(key.broadcastId()).putLong(key.telegramUserId()).put(code).flip();
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot journal delivery " + key, e);
            }
        }

        /** Once the batch's outcomes are committed. */
        synchronized void discard() {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            delete(file);
        }

        private static void delete(Path file) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
