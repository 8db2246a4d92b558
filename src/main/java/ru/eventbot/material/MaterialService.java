package ru.eventbot.material;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.eventbot.event.Event;
import ru.eventbot.event.EventService;

@Service
@Transactional
public class MaterialService {

    private static final Logger log = LoggerFactory.getLogger(MaterialService.class);
    private static final int MAX_TITLE = 200;
    private static final int MAX_DESCRIPTION = 3000;

    private final MaterialRepository materials;
    private final MaterialFiles files;
    private final EventService events;
    private final MaterialProperties properties;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    MaterialService(MaterialRepository materials, MaterialFiles files, EventService events,
                    MaterialProperties properties, ApplicationEventPublisher publisher, Clock clock) {
        this.materials = materials;
        this.files = files;
        this.events = events;
        this.properties = properties;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Stores the file and the material; participants waiting for something like it get it after commit
     * ({@link MaterialPublished}, kept in the event publication registry until they have).
     */
    public Material publish(NewMaterial material) {
        var event = events.get(material.eventId());
        var title = required(material.title(), "title");
        var speaker = required(material.speaker(), "speaker");
        var description = material.description() == null || material.description().isBlank()
                ? null : material.description().strip();
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new InvalidMaterialException("description is " + description.length()
                    + " characters; at most " + MAX_DESCRIPTION + " are allowed.");
        }
        var talkTitle = talkTitle(event, material.talkId());
        if (material.content() == null) {
            throw new InvalidMaterialException("file is missing: send it as the multipart part \"file\".");
        }
        var stored = files.store(material.fileName(), material.content(), properties.maxFileSize().toBytes());
        try {
            var saved = materials.save(new Material(event.getId(), event.getTitle(), material.talkId(), talkTitle,
                    title, speaker, description, stored, clock.instant()));
            materials.findBySha256AndTelegramFileIdIsNotNull(stored.sha256()).stream().findFirst()
                    .ifPresent(same -> saved.rememberTelegramFileId(same.getTelegramFileId()));
            materials.flush();
            log.info("Material {} published for event {}: {} ({} bytes, {})", saved.getId(), event.getId(),
                    stored.fileName(), stored.size(), stored.contentType());
            publisher.publishEvent(new MaterialPublished(saved.getId()));
            return saved;
        } catch (RuntimeException e) {
            files.delete(stored.storedPath());
            throw e;
        }
    }

    @Transactional(readOnly = true)
    public List<Material> forEvent(long eventId) {
        events.get(eventId);
        return materials.findByEventIdOrderByIdAsc(eventId);
    }

    @Transactional(readOnly = true)
    public Optional<Material> find(long materialId) {
        return materials.findById(materialId);
    }

    /** How many materials each event has, for the events that have any, in the order of their events' start. */
    @Transactional(readOnly = true)
    public Map<Event, Integer> eventsWithMaterials() {
        var counts = new java.util.HashMap<Long, Integer>();
        materials.countByEvent().forEach(row -> counts.put((Long) row[0], ((Number) row[1]).intValue()));
        var result = new LinkedHashMap<Event, Integer>();
        events.all().stream().filter(event -> counts.containsKey(event.getId()))
                .forEach(event -> result.put(event, counts.get(event.getId())));
        return result;
    }

    /** The file of a material as the Telegram gateway sends it; empty when there is no such material. */
    @Transactional(readOnly = true)
    public Optional<MaterialDocument> document(long materialId) {
        return materials.findById(materialId).map(material -> new MaterialDocument(material.getId(),
                files.locate(material.getStoredPath()), material.getFileName(), material.getContentType(),
                material.getSha256(), material.getTelegramFileId()));
    }

    /** Telegram's file_id after the first upload: this material and any with the same bytes are sent by it. */
    public void rememberTelegramFileId(long materialId, String fileId) {
        var material = materials.findById(materialId).orElseThrow(() -> new MaterialNotFoundException(materialId));
        material.rememberTelegramFileId(fileId);
        materials.rememberFileIdForSameBytes(material.getSha256(), fileId);
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new InvalidMaterialException(name + " must not be empty.");
        }
        var stripped = value.strip();
        if (stripped.length() > MAX_TITLE) {
            throw new InvalidMaterialException(name + " is " + stripped.length() + " characters; at most "
                    + MAX_TITLE + " are allowed.");
        }
        return stripped;
    }

    private static String talkTitle(Event event, Long talkId) {
        if (talkId == null) {
            return null;
        }
        return event.getTalks().stream().filter(talk -> talkId.equals(talk.getId())).findFirst()
                .map(ru.eventbot.event.Talk::getTitle)
                .orElseThrow(() -> new InvalidMaterialException("talkId " + talkId + " is not a talk of event "
                        + event.getId() + "."));
    }

    /** A stored material file and what Telegram knows of it. */
    public record MaterialDocument(long materialId, Path path, String fileName, String contentType, String sha256,
                                   String telegramFileId) {
    }
}
