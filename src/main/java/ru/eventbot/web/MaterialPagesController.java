package ru.eventbot.web;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.eventbot.event.EventService;
import ru.eventbot.material.InvalidMaterialException;
import ru.eventbot.material.MaterialProperties;
import ru.eventbot.material.MaterialRequests;
import ru.eventbot.material.MaterialService;
import ru.eventbot.material.MaterialTooLargeException;
import ru.eventbot.material.NewMaterial;
import ru.eventbot.material.UnacceptableFileTypeException;

/** Materials on the dashboard: what participants wait for, and each event's files with an upload form. */
@DashboardPage
class MaterialPagesController {

    private final MaterialService materials;
    private final MaterialRequests requests;
    private final EventService events;
    private final MaterialProperties properties;

    MaterialPagesController(MaterialService materials, MaterialRequests requests, EventService events,
                            MaterialProperties properties) {
        this.materials = materials;
        this.requests = requests;
        this.events = events;
        this.properties = properties;
    }

    @GetMapping("/dashboard/materials")
    String overview(Model model) {
        model.addAttribute("waiting", requests.waiting());
        model.addAttribute("events", events.all());
        model.addAttribute("counts", materials.eventsWithMaterials());
        return "dashboard/materials";
    }

    @GetMapping("/dashboard/events/{eventId}/materials")
    String forEvent(@PathVariable long eventId, Model model) {
        model.addAttribute("event", events.get(eventId));
        model.addAttribute("materials", materials.forEvent(eventId));
        model.addAttribute("maxBytes", properties.maxFileSize().toBytes());
        model.addAttribute("maxSize", properties.maxFileSize().toMegabytes() + " MB");
        return "dashboard/event-materials";
    }

    /** Publishes the file; a refusal (too large, not a document, a missing title) comes back as a message. */
    @PostMapping("/dashboard/events/{eventId}/materials")
    String upload(@PathVariable long eventId, @RequestParam(required = false) MultipartFile file,
                  @RequestParam(required = false) String title, @RequestParam(required = false) String speaker,
                  @RequestParam(required = false) String description, @RequestParam(required = false) Long talkId,
                  RedirectAttributes redirect) {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidMaterialException("Choose a file, or drop one on the field.");
            }
            var material = materials.publish(new NewMaterial(eventId, talkId, title, speaker, description,
                    file.getOriginalFilename(), file));
            redirect.addFlashAttribute("notice", "Published “" + material.getTitle() + "”.");
        } catch (InvalidMaterialException | MaterialTooLargeException | UnacceptableFileTypeException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("title", title);
            redirect.addFlashAttribute("speaker", speaker);
            redirect.addFlashAttribute("description", description);
        }
        return "redirect:/dashboard/events/" + eventId + "/materials";
    }
}
