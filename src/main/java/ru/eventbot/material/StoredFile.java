package ru.eventbot.material;

/** A file written to the data folder: its safe display name, where it lies (relative), and what it is. */
record StoredFile(String fileName, String storedPath, long size, String contentType, String sha256) {
}
