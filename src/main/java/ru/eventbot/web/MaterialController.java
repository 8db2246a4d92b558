package ru.eventbot.web;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import ru.eventbot.material.InvalidMaterialException;
import ru.eventbot.material.MaterialService;
import ru.eventbot.material.NewMaterial;

@RestController
@RequestMapping("/api/v1/events/{eventId}/materials")
class MaterialController {

    private final MaterialService materials;

    MaterialController(MaterialService materials) {
        this.materials = materials;
    }

    /** Publishes a file for the event; participants who asked for something like it get it at once. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<MaterialView> publish(@PathVariable long eventId,
                                         @RequestParam(required = false) MultipartFile file,
                                         @RequestParam(required = false) String title,
                                         @RequestParam(required = false) String speaker,
                                         @RequestParam(required = false) String description,
                                         @RequestParam(required = false) Long talkId) {
        if (file == null) {
            throw new InvalidMaterialException("file is missing: send it as the multipart part \"file\".");
        }
        var material = materials.publish(new NewMaterial(eventId, talkId, title, speaker, description,
                file.getOriginalFilename(), file));
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(material.getId());
        return ResponseEntity.created(location).body(MaterialView.of(material));
    }

    @GetMapping
    List<MaterialView> forEvent(@PathVariable long eventId) {
        return materials.forEvent(eventId).stream().map(MaterialView::of).toList();
    }
}
