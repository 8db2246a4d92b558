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
import org.springframework.stereotype.Component;
import ru.eventbot.StorageProperties;
import ru.eventbot.conversation.DeliveryStatus;

/**
 * Remembers, durably against a killed process, which outgoing messages are being sent: each lane appends a
 * message's id to its own file right before the call to Telegram and its outcome right after it, and empties the
 * file once the outcomes of its batch are committed to the database. A plain file write reaches the kernel in microseconds, where a database
 * commit per message would cost a millisecond and serialise the lanes; the kernel keeps the write when the JVM
 * is killed (not when the machine loses power, and neither does H2 without fsync).
 *
 * <p>At the next start, the files of earlier runs tell for each message either its outcome (recorded then in the
 * database) or that its call was under way: exactly those messages may or may not have reached Telegram, and they
 * are marked UNCERTAIN and never sent again. That is at most one message per call in flight.
 */
@Component
class ClaimJournal {

    private static final String SUFFIX = ".claims";
    private static final int RECORD = Long.BYTES + 1;
    private static final byte IN_FLIGHT = 0;

    private final Path directory;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);

    ClaimJournal(StorageProperties storage) {
        this.directory = storage.dataDir().resolve("outbox");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + directory, e);
        }
    }

    /** A lane's own claim log for this run. */
    ClaimLog open(String owner) {
        try {
            var channel = FileChannel.open(directory.resolve(owner + "-" + runId + SUFFIX),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            return new ClaimLog(channel);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What earlier runs journaled but did not record in the database: for each message, its outcome, or
     * {@link DeliveryStatus#UNCERTAIN} when its call was under way.
     */
    Map<Long, DeliveryStatus> unrecordedOfEarlierRuns() {
        var statuses = new HashMap<Long, DeliveryStatus>();
        for (var file : earlierRunFiles()) {
            try {
                var buffer = ByteBuffer.wrap(Files.readAllBytes(file));
                while (buffer.remaining() >= RECORD) {
                    var id = buffer.getLong();
                    var code = buffer.get();
                    statuses.put(id, code == IN_FLIGHT ? DeliveryStatus.UNCERTAIN : DeliveryStatus.values()[code - 1]);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return statuses;
    }

    /** After the claims of earlier runs are marked in the database. */
    void forgetEarlierRuns() {
        for (var file : earlierRunFiles()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private List<Path> earlierRunFiles() {
        try (var files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                    .filter(f -> !f.getFileName().toString().endsWith("-" + runId + SUFFIX))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One lane's log: written by the threads sending that lane's batch, emptied by the lane. */
    static final class ClaimLog {

        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(RECORD);
        private boolean empty = true;

        private ClaimLog(FileChannel channel) {
            this.channel = channel;
        }

        /** Right before the call to Telegram. */
        void claim(long messageId) {
            write(messageId, IN_FLIGHT);
        }

        /** Right after it. */
        void done(long messageId, DeliveryStatus outcome) {
            write(messageId, (byte) (outcome.ordinal() + 1));
        }

        private synchronized void write(long messageId, byte code) {
            try {
                buffer.clear();
                buffer.putLong(messageId).put(code).flip();
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                empty = false;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot journal message " + messageId, e);
            }
        }

        synchronized void clear() {
            if (empty) {
                return;
            }
            try {
                channel.truncate(0);
                channel.position(0);
                empty = true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
