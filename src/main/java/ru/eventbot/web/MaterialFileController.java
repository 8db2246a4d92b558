package ru.eventbot.web;

import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.eventbot.material.MaterialLinks;
import ru.eventbot.material.MaterialService;

/**
 * Downloads behind the signed, time-limited links the bot e-mails for files too large to attach. No login: the
 * signature is the permission, and a link that is altered or expired gets 403.
 */
@RestController
class MaterialFileController {

    private final MaterialService materials;
    private final MaterialLinks links;

    MaterialFileController(MaterialService materials, MaterialLinks links) {
        this.materials = materials;
        this.links = links;
    }

    @GetMapping("/files/materials/{id}")
    ResponseEntity<?> download(@PathVariable long id, @RequestParam(defaultValue = "0") long expires,
                               @RequestParam(required = false) String signature) {
        if (!links.isValid(id, expires, signature)) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "This download link is not valid or has expired; ask the bot for the material again.");
            problem.setTitle("Link not valid");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        var document = materials.document(id).orElse(null);
        if (document == null || !document.path().toFile().canRead()) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "This material no longer exists.");
            problem.setTitle("Not found");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(document.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(document.contentType()))
                .body(new FileSystemResource(document.path()));
    }
}
