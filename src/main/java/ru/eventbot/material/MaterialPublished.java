package ru.eventbot.material;

/** A material was published: participants waiting for something like it are to get it. */
public record MaterialPublished(long materialId) {
}
