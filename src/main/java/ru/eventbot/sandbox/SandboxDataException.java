package ru.eventbot.sandbox;

import java.nio.file.Path;

/** A real bot token was given for a data folder that holds the sandbox's simulated participants and files. */
public class SandboxDataException extends RuntimeException {

    private final transient Path dataDir;

    SandboxDataException(Path dataDir) {
        super("EVENTBOT_DATA_DIR " + dataDir + " holds sandbox data");
        this.dataDir = dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }
}
