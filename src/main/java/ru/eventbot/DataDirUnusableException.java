package ru.eventbot;

import java.nio.file.Path;

/** The data folder ({@code EVENTBOT_DATA_DIR}) cannot hold the bot's files; see {@link DataDirCheck}. */
public class DataDirUnusableException extends RuntimeException {

    private final Path dataDir;

    public DataDirUnusableException(Path dataDir, String reason) {
        super("EVENTBOT_DATA_DIR " + dataDir + " cannot be used: " + reason);
        this.dataDir = dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }
}
