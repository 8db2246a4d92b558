package ru.eventbot.web;

import java.time.Instant;
import ru.eventbot.material.Material;

/** A material in the API. */
record MaterialView(long id, long eventId, Long talkId, String title, String speaker, String description,
                    String fileName, long size, String contentType, Instant createdAt) {

    static MaterialView of(Material material) {
        return new MaterialView(material.getId(), material.getEventId(), material.getTalkId(), material.getTitle(),
                material.getSpeaker(), material.getDescription(), material.getFileName(), material.getSize(),
                material.getContentType(), material.getCreatedAt());
    }
}
