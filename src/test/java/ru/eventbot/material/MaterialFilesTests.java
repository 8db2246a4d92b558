package ru.eventbot.material;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ByteArrayResource;
import ru.eventbot.StorageProperties;

class MaterialFilesTests {

    @TempDir
    Path dataDir;

    @Test
    void namesFromOutsideAreCleanedAndNeverUsedAsPaths() {
        assertThat(MaterialFiles.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(MaterialFiles.safeName("..\\..\\windows\\system.ini")).isEqualTo("system.ini");
        assertThat(MaterialFiles.safeName("Слайды: \"итоги\"?.pdf")).isEqualTo("Слайды итоги.pdf");
        assertThat(MaterialFiles.safeName("...hidden\u0000\u202e.pdf")).isEqualTo("hidden.pdf");
        assertThat(MaterialFiles.safeName("")).isEqualTo("file");
        assertThat(MaterialFiles.safeName("a".repeat(300) + ".pptx")).hasSize(120).endsWith(".pptx");
    }

    @Test
    void storesTheBytesUnderANameOfItsOwnInsideTheDataFolder() throws Exception {
        // given
        var files = new MaterialFiles(new StorageProperties(dataDir));
        var bytes = "%PDF-1.4 slides".getBytes(StandardCharsets.UTF_8);
        // when
        var stored = files.store("../../etc/passwd", new ByteArrayResource(bytes), 1000);
        // then
        assertThat(stored.fileName()).isEqualTo("passwd");
        assertThat(stored.contentType()).isEqualTo("application/pdf");
        assertThat(stored.size()).isEqualTo(bytes.length);
        assertThat(files.locate(stored.storedPath())).startsWith(dataDir.resolve("materials")).hasBinaryContent(bytes);
        assertThat(stored.sha256()).hasSize(64);
    }

    @Test
    void refusesEmptyTooLargeAndExecutableFilesLeavingNothingBehind() throws Exception {
        // given
        var files = new MaterialFiles(new StorageProperties(dataDir));
        var script = "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8);
        // when / then
        assertThatThrownBy(() -> files.store("a.pdf", new ByteArrayResource(new byte[0]), 1000))
                .isInstanceOf(InvalidMaterialException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> files.store("a.pdf", new ByteArrayResource(new byte[1001]), 1000))
                .isInstanceOf(MaterialTooLargeException.class).hasMessageContaining("1000 bytes");
        assertThatThrownBy(() -> files.store("slides.pdf", new ByteArrayResource(script), 1000))
                .isInstanceOf(UnacceptableFileTypeException.class);
        try (var left = Files.list(dataDir.resolve("materials"))) {
            assertThat(left).isEmpty();
        }
    }
}
