package ru.eventbot.testsupport.telegram;

import java.net.URLConnection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Files known to the fake: uploaded by the bot or sent by users, downloadable via getFile and /file/bot.../path. */
final class FileStore {

    record StoredFile(String fileId, String fileUniqueId, String fileName, String mimeType, byte[] bytes,
                      String filePath) {

        AttachedFile describe() {
            return new AttachedFile(fileId, fileUniqueId, fileName, mimeType, bytes.length);
        }
    }

    private static final Map<String, String> MIME_TYPES = Map.ofEntries(
            Map.entry("pdf", "application/pdf"), Map.entry("txt", "text/plain"), Map.entry("csv", "text/csv"),
            Map.entry("json", "application/json"), Map.entry("zip", "application/zip"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"),
            Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("mp4", "video/mp4"), Map.entry("mp3", "audio/mpeg"), Map.entry("ogg", "audio/ogg"));

    private final Map<String, StoredFile> byId = new ConcurrentHashMap<>();
    private final Map<String, StoredFile> byPath = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger uploads = new AtomicInteger();
    private final AtomicInteger reuses = new AtomicInteger();

    /** A new file; {@code byBot} counts it as an upload (as opposed to a file a user sent). */
    StoredFile store(String folder, String fileName, String mimeType, byte[] bytes, boolean byBot) {
        long number = sequence.incrementAndGet();
        String prefix = folder.equals("photos") ? "AgACAgIAAxkBAAI" : "BQACAgIAAxkBAAI";
        String fileId = prefix + String.format("%08d", number) + "_fake";
        String extension = extension(fileName);
        String path = folder + "/file_" + number + (extension.isEmpty() ? "" : "." + extension);
        StoredFile file = new StoredFile(fileId, "AgAD" + String.format("%06d", number), fileName,
                mimeType != null ? mimeType : guessMimeType(fileName), bytes, path);
        byId.put(fileId, file);
        byPath.put(path, file);
        if (byBot) {
            uploads.incrementAndGet();
        }
        return file;
    }

    /** The bot sends an existing file by its file_id. */
    StoredFile reuse(String fileId) {
        StoredFile file = byId.get(fileId);
        if (file == null) {
            throw BotApiError.badRequest("wrong file identifier/HTTP URL specified");
        }
        reuses.incrementAndGet();
        return file;
    }

    Optional<StoredFile> byId(String fileId) {
        return Optional.ofNullable(byId.get(fileId));
    }

    Optional<StoredFile> byPath(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    int uploads() {
        return uploads.get();
    }

    int reuses() {
        return reuses.get();
    }

    static String guessMimeType(String fileName) {
        String known = MIME_TYPES.get(extension(fileName));
        if (known != null) {
            return known;
        }
        String guessed = fileName == null ? null : URLConnection.guessContentTypeFromName(fileName);
        return guessed != null ? guessed : "application/octet-stream";
    }

    private static String extension(String fileName) {
        if (fileName == null) {
            return "";
        }
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
