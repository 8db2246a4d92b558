package ru.eventbot.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.util.FileSystemUtils;

/**
 * Temporary folders (a bot's data directory, a search index) deleted when the test JVM exits. A benchmark's H2 file
 * grows to gigabytes, and leaving every run's behind filled the disk of the development machine.
 */
public final class ScratchDirectories {

    private static final List<Path> CREATED = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ScratchDirectories::deleteAll, "scratch-directories"));
    }

    private ScratchDirectories() {
    }

    public static Path create(String prefix) {
        try {
            var directory = Files.createTempDirectory(prefix);
            synchronized (CREATED) {
                CREATED.add(directory);
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteAll() {
        synchronized (CREATED) {
            for (var directory : CREATED) {
                try {
                    FileSystemUtils.deleteRecursively(directory);
                } catch (IOException e) {
                    System.err.println("Could not delete " + directory + ": " + e.getMessage());
                }
            }
        }
    }
}
