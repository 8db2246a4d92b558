package ru.eventbot.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/** A Flight Recorder recording of one measured phase, when {@code -Dbenchmark.jfr=<file>} asks for it. */
final class BurstRecording {

    private final Recording recording;
    private final Path file;

    private BurstRecording(Recording recording, Path file) {
        this.recording = recording;
        this.file = file;
    }

    static BurstRecording startIfAsked() throws IOException, ParseException {
        var file = System.getProperty("benchmark.jfr");
        if (file == null || file.isBlank()) {
            return new BurstRecording(null, null);
        }
        var recording = new Recording(Configuration.getConfiguration("profile"));
        recording.start();
        return new BurstRecording(recording, Path.of(file));
    }

    void stop() throws IOException {
        if (recording != null) {
            recording.stop();
            recording.dump(file);
            recording.close();
            System.out.println("[benchmark] Flight recording of the burst: " + file.toAbsolutePath());
        }
    }
}
