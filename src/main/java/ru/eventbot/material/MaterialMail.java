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

/** One e-mail to send: a confirmation code or a material; PENDING until the mail server took it. */
@Entity
public class MaterialMail {

    enum Kind { CODE, MATERIAL }

    enum Status { PENDING, SENT }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "material_mail_seq")
    @SequenceGenerator(name = "material_mail_seq", sequenceName = "material_mail_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private long telegramUserId;

    @Column(nullable = false)
    private String address;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Language language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    private Long materialId;

    /** The confirmation code, until it is sent. */
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    private String error;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant sentAt;

    protected MaterialMail() {
    }

    private MaterialMail(long telegramUserId, String address, Language language, Kind kind, Long materialId,
                         String code, Instant now) {
        this.telegramUserId = telegramUserId;
        this.address = address;
        this.language = language;
        this.kind = kind;
        this.materialId = materialId;
        this.code = code;
        this.status = Status.PENDING;
        this.createdAt = now;
    }

    static MaterialMail code(long telegramUserId, String address, Language language, String code, Instant now) {
        return new MaterialMail(telegramUserId, address, language, Kind.CODE, null, code, now);
    }

    static MaterialMail material(long telegramUserId, String address, Language language, long materialId,
                                 Instant now) {
        return new MaterialMail(telegramUserId, address, language, Kind.MATERIAL, materialId, null, now);
    }

    void sent(Instant now) {
        status = Status.SENT;
        code = null;
        error = null;
        sentAt = now;
    }

    void failed(String why) {
        attempts++;
        error = why == null || why.length() <= 1000 ? why : why.substring(0, 1000);
    }

    public Long getId() { return id; }
    long getTelegramUserId() { return telegramUserId; }
    String getAddress() { return address; }
    Language getLanguage() { return language; }
    Kind getKind() { return kind; }
    Long getMaterialId() { return materialId; }
    String getCode() { return code; }
    Status getStatus() { return status; }
    int getAttempts() { return attempts; }
    String getError() { return error; }
}
