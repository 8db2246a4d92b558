package ru.eventbot.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Ids that keep growing across restarts, as Telegram's update and message ids do: the bot skips an update whose id
 * it has stored before. Ids are handed out from blocks; only the end of the current block is written to a file, so
 * a restart goes on after it.
 */
final class IdSequence {

    static final int BLOCK = 1000;

    private final Path file;
    private long next;
    private long blockEnd;

    IdSequence(Path file, long first) {
        this.file = file;
        this.next = Math.max(first, read(file));
        this.blockEnd = next;
    }

    synchronized long next() {
        if (next >= blockEnd) {
            blockEnd = next + BLOCK;
            write(blockEnd);
        }
        return next++;
    }

    private static long read(Path file) {
        try {
            return Files.exists(file) ? Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).strip()) : 0;
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("Cannot read the sandbox's id sequence " + file + ": delete the file", e);
        }
    }

    private void write(long value) {
        try {
            Files.createDirectories(file.getParent());
            var temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, Long.toString(value), StandardCharsets.US_ASCII);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the sandbox's id sequence " + file, e);
        }
    }
}
