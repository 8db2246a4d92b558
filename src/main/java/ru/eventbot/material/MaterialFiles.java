package ru.eventbot.material;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.apache.tika.Tika;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Component;
import ru.eventbot.StorageProperties;

/**
 * Keeps material files under {@code <data dir>/materials}, each under a name of our own (a random id and the
 * extension of its detected type); the organiser's file name is cleaned for display and never used as a path.
 * The type comes from the content (Apache Tika), not from the name: programs and scripts are refused.
 */
@Component
class MaterialFiles {

    private static final Logger log = LoggerFactory.getLogger(MaterialFiles.class);
    static final String FOLDER = "materials";
    private static final int MAX_NAME = 120;
    private static final Set<String> PROGRAMS = Set.of("application/x-msdownload", "application/x-dosexec",
            "application/x-executable", "application/x-elf", "application/x-sharedlib", "application/x-mach-o",
            "application/x-mach-o-executable", "application/x-sh", "application/x-bat", "application/x-msdos-program",
            "application/java-archive", "application/x-java-archive", "application/vnd.microsoft.portable-executable",
            "application/x-ms-installer", "application/x-msi", "text/x-python", "application/x-python-code",
            "text/x-perl", "application/javascript", "text/javascript");

    private final Path root;
    private final Tika tika = new Tika();

    MaterialFiles(StorageProperties storage) {
        this.root = storage.dataDir().resolve(FOLDER).toAbsolutePath().normalize();
    }

    /**
     * Copies the content to the data folder and tells what it is. Refuses an empty file, one above
     * {@code maxSize} and a program, leaving nothing behind.
     */
    StoredFile store(String originalName, InputStreamSource content, long maxSize) {
        var fileName = safeName(originalName);
        Path temporary = null;
        try {
            Files.createDirectories(root);
            temporary = Files.createTempFile(root, "upload-", ".part");
            var digest = MessageDigest.getInstance("SHA-256");
            long size;
            try (InputStream in = new DigestInputStream(content.getInputStream(), digest)) {
                size = copyAtMost(in, temporary, maxSize);
            }
            if (size == 0) {
                throw new InvalidMaterialException("The file " + fileName + " is empty (0 bytes).");
            }
            var detected = detect(temporary, fileName);
            var type = detected.contains(";") ? detected.substring(0, detected.indexOf(';')).strip() : detected;
            if (PROGRAMS.contains(type)) {
                log.warn("Refused material {}: its content is {}", fileName, detected);
                throw new UnacceptableFileTypeException(fileName, type);
            }
            var stored = UUID.randomUUID() + extensionOf(fileName);
            Files.move(temporary, root.resolve(stored), StandardCopyOption.ATOMIC_MOVE);
            temporary = null;
            return new StoredFile(fileName, FOLDER + "/" + stored, size, type,
                    HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the material file " + fileName, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /** Where a stored file lies; the stored path is ours, and still it must stay inside the folder. */
    Path locate(String storedPath) {
        var path = root.getParent().resolve(storedPath).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalStateException("Stored path outside the materials folder: " + storedPath);
        }
        return path;
    }

    void delete(String storedPath) {
        deleteQuietly(locate(storedPath));
    }

    private static long copyAtMost(InputStream in, Path target, long maxSize) throws IOException {
        try (var out = Files.newOutputStream(target)) {
            var buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while ((read = in.read(buffer)) >= 0) {
                total += read;
                if (total > maxSize) {
                    throw new MaterialTooLargeException(total, maxSize);
                }
                out.write(buffer, 0, read);
            }
            return total;
        }
    }

    private String detect(Path file, String fileName) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return tika.detect(in, fileName);
        }
    }

    /**
     * The last segment of what the organiser's computer called the file, without control characters, path
     * separators or characters Windows forbids, no leading dots, at most 120 characters: {@code ../../etc/passwd}
     * becomes {@code passwd}.
     */
    static String safeName(String original) {
        var name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\\p{Cf}<>:\"|?*]", "").strip();
        name = name.replaceFirst("^[.\\s]+", "");
        if (name.length() > MAX_NAME) {
            var extension = extensionOf(name);
            name = name.substring(0, MAX_NAME - extension.length()) + extension;
        }
        return name.isBlank() ? "file" : name;
    }

    private static String extensionOf(String fileName) {
        var dot = fileName.lastIndexOf('.');
        if (dot <= 0 || fileName.length() - dot > 9) {
            return "";
        }
        var extension = fileName.substring(dot).toLowerCase(Locale.ROOT);
        return extension.matches("\\.[a-z0-9]{1,8}") ? extension : "";
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", path, e.toString());
        }
    }
}
