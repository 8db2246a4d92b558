package ru.eventbot.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Files the bot uploaded, kept in {@code EVENTBOT_DATA_DIR/sandbox/files} under the {@code file_id} the stand-in
 * issued, so that ids the bot stored stay valid after a restart (it re-sends materials by id).
 */
final class SandboxFiles {

    private static final Pattern FILE_ID = Pattern.compile("[A-Za-z0-9_-]{16,128}");
    private static final SecureRandom random = new SecureRandom();

    record StoredFile(String fileId, String fileUniqueId, String fileName, String mimeType, long size, Path content) {

        /** Where the Bot API serves it: {@code /file/bot<token>/<file_path>}. */
        String filePath() {
            var dot = fileName.lastIndexOf('.');
            var extension = dot > 0 && fileName.length() - dot <= 8 ? fileName.substring(dot).toLowerCase() : "";
            return "documents/" + fileId + (extension.matches("\\.[a-z0-9]{1,7}") ? extension : "");
        }

        /** The file as a download under its own name. */
        ResponseEntity<FileSystemResource> asAttachment() {
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(mimeType))
                    .contentLength(size)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(fileName, StandardCharsets.UTF_8).build().toString())
                    .body(new FileSystemResource(content));
        }
    }

    private final Path folder;

    SandboxFiles(Path folder) {
        this.folder = folder;
    }

    StoredFile store(String fileName, String mimeType, byte[] bytes) {
        var id = new byte[24];
        random.nextBytes(id);
        var fileId = "BQACAgIAAxkD" + Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        var uniqueId = "AgAD" + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(bytes)).substring(0, 12);
        var name = fileName == null || fileName.isBlank() ? "document" : fileName.strip();
        var type = mimeType == null || mimeType.isBlank() || mimeType.startsWith("application/octet-stream")
                ? org.springframework.http.MediaTypeFactory.getMediaType(name)
                        .orElse(MediaType.APPLICATION_OCTET_STREAM).toString()
                : mimeType; // Telegram, too, tells a document's type by its name when the upload does not say
        var meta = new Properties();
        meta.setProperty("fileUniqueId", uniqueId);
        meta.setProperty("fileName", name);
        meta.setProperty("mimeType", type);
        try {
            Files.createDirectories(folder);
            Files.write(folder.resolve(fileId), bytes);
            try (var out = Files.newBufferedWriter(folder.resolve(fileId + ".properties"), StandardCharsets.UTF_8)) {
                meta.store(out, null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep an uploaded file in " + folder, e);
        }
        return new StoredFile(fileId, uniqueId, name, type, bytes.length, folder.resolve(fileId));
    }

    Optional<StoredFile> find(String fileId) {
        if (fileId == null || !FILE_ID.matcher(fileId).matches()) {
            return Optional.empty();
        }
        var content = folder.resolve(fileId);
        var metaFile = folder.resolve(fileId + ".properties");
        if (!Files.isRegularFile(content) || !Files.isRegularFile(metaFile)) {
            return Optional.empty();
        }
        var meta = new Properties();
        try (var in = Files.newBufferedReader(metaFile, StandardCharsets.UTF_8)) {
            meta.load(in);
            return Optional.of(new StoredFile(fileId, meta.getProperty("fileUniqueId"), meta.getProperty("fileName"),
                    meta.getProperty("mimeType"), Files.size(content), content));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sandbox file " + fileId, e);
        }
    }

    /** The file behind a {@code file_path} from getFile. */
    Optional<StoredFile> findByPath(String filePath) {
        if (filePath == null || !filePath.startsWith("documents/")) {
            return Optional.empty();
        }
        var name = filePath.substring("documents/".length());
        var dot = name.indexOf('.');
        return find(dot < 0 ? name : name.substring(0, dot)).filter(file -> file.filePath().equals(filePath));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
