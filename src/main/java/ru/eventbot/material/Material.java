package ru.eventbot.material;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;

/**
 * A file an organiser published for an event (and maybe one of its talks): slides, a recording, a handout. The
 * event's and talk's titles are kept as they were at publishing, for search and captions. Its bytes sit under the
 * data folder at {@code storedPath}; {@code telegramFileId} is set once Telegram has the file, and from then on
 * it is sent by that id, never uploaded again.
 */
@Entity
@Indexed(index = "material")
public class Material {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "material_seq")
    @SequenceGenerator(name = "material_seq", sequenceName = "material_seq", allocationSize = 50)
    private Long id;

    @GenericField
    @Column(nullable = false)
    private long eventId;

    private Long talkId;

    @FullTextField(name = "event", analyzer = MaterialAnalysis.RUSSIAN)
    @FullTextField(name = "event_en", analyzer = MaterialAnalysis.ENGLISH)
    @Column(nullable = false)
    private String eventTitle;

    @FullTextField(name = "talk", analyzer = MaterialAnalysis.RUSSIAN)
    @FullTextField(name = "talk_en", analyzer = MaterialAnalysis.ENGLISH)
    private String talkTitle;

    @FullTextField(name = "title", analyzer = MaterialAnalysis.RUSSIAN)
    @FullTextField(name = "title_en", analyzer = MaterialAnalysis.ENGLISH)
    @Column(nullable = false)
    private String title;

    @FullTextField(name = "speaker", analyzer = MaterialAnalysis.RUSSIAN)
    @FullTextField(name = "speaker_en", analyzer = MaterialAnalysis.ENGLISH)
    @Column(nullable = false)
    private String speaker;

    @FullTextField(name = "description", analyzer = MaterialAnalysis.RUSSIAN)
    @FullTextField(name = "description_en", analyzer = MaterialAnalysis.ENGLISH)
    private String description;

    @Column(nullable = false)
    private String fileName;

    @Column(nullable = false)
    private String storedPath;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(nullable = false)
    private String contentType;

    @Column(nullable = false)
    private String sha256;

    private String telegramFileId;

    @Column(nullable = false)
    private Instant createdAt;

    protected Material() {
    }

    Material(long eventId, String eventTitle, Long talkId, String talkTitle, String title, String speaker,
             String description, StoredFile file, Instant now) {
        this.eventId = eventId;
        this.eventTitle = eventTitle;
        this.talkId = talkId;
        this.talkTitle = talkTitle;
        this.title = title;
        this.speaker = speaker;
        this.description = description;
        this.fileName = file.fileName();
        this.storedPath = file.storedPath();
        this.size = file.size();
        this.contentType = file.contentType();
        this.sha256 = file.sha256();
        this.createdAt = now;
    }

    /** The speaker's name in Latin letters, so that "Taisia" finds «Таисия» (and the other way round). */
    @Transient
    @FullTextField(name = "speaker_latin", analyzer = MaterialAnalysis.LATIN)
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "speaker")))
    public String getSpeakerLatin() {
        return Transliteration.toLatin(speaker);
    }

    /** Telegram's id for this file, learnt from the first upload; a file is uploaded once. */
    void rememberTelegramFileId(String fileId) {
        if (fileId == null || fileId.isBlank()) {
            throw new IllegalArgumentException("Telegram returned no file_id for material " + id);
        }
        this.telegramFileId = fileId;
    }

    public Long getId() { return id; }
    public long getEventId() { return eventId; }
    public Long getTalkId() { return talkId; }
    public String getEventTitle() { return eventTitle; }
    public String getTalkTitle() { return talkTitle; }
    public String getTitle() { return title; }
    public String getSpeaker() { return speaker; }
    public String getDescription() { return description; }
    public String getFileName() { return fileName; }
    public String getStoredPath() { return storedPath; }
    public long getSize() { return size; }
    public String getContentType() { return contentType; }
    public String getSha256() { return sha256; }
    public String getTelegramFileId() { return telegramFileId; }
    public Instant getCreatedAt() { return createdAt; }

    @Override
    public boolean equals(Object other) {
        return other instanceof Material material && id != null && Objects.equals(id, material.id);
    }

    @Override
    public int hashCode() {
        return Material.class.hashCode();
    }
}
