package ru.eventbot.material;

import org.springframework.core.io.InputStreamSource;

/**
 * A material as an organiser publishes it: the file's bytes come from {@code content}; {@code fileName} is what the
 * organiser's computer called it (untrusted: it is only ever shown, never used as a path).
 */
public record NewMaterial(long eventId, Long talkId, String title, String speaker, String description,
                          String fileName, InputStreamSource content) {
}
