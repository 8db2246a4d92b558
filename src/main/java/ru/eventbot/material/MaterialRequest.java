package ru.eventbot.material;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import java.time.Instant;
import ru.eventbot.participant.Language;

/** A participant asked for a material nobody had published yet: who, in which words, and what became of it. */
@Entity
public class MaterialRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "material_request_seq")
    @SequenceGenerator(name = "material_request_seq", sequenceName = "material_request_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private long telegramUserId;

    @Column(nullable = false)
    private long chatId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Language language;

    /** What they wrote. */
    @Column(name = "request_text", nullable = false)
    private String query;

    /** The words searched for. */
    @Column(nullable = false)
    private String terms;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MaterialRequestStatus status;

    private Long materialId;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant fulfilledAt;

    protected MaterialRequest() {
    }

    static MaterialRequest waiting(MaterialAsk ask, String terms, Instant now) {
        var request = new MaterialRequest();
        request.telegramUserId = ask.telegramUserId();
        request.chatId = ask.chatId();
        request.language = ask.language();
        request.query = ask.text().length() > RequestWords.MAX_TEXT
                ? ask.text().substring(0, RequestWords.MAX_TEXT) : ask.text();
        request.terms = terms;
        request.status = MaterialRequestStatus.WAITING;
        request.createdAt = now;
        return request;
    }

    public Long getId() { return id; }
    public long getTelegramUserId() { return telegramUserId; }
    public long getChatId() { return chatId; }
    public Language getLanguage() { return language; }
    public String getQuery() { return query; }
    public String getTerms() { return terms; }
    public MaterialRequestStatus getStatus() { return status; }
    public Long getMaterialId() { return materialId; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getFulfilledAt() { return fulfilledAt; }
}
