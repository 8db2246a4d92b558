package ru.eventbot.broadcast;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import ru.eventbot.participant.Language;

/**
 * One message to many participants. Its recipients are chosen when it starts sending (one delivery row each),
 * so whoever subscribes later does not get it and whoever was chosen gets it exactly once.
 */
@Entity
public class Broadcast {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "broadcast_seq")
    @SequenceGenerator(name = "broadcast_seq", sequenceName = "broadcast_seq", allocationSize = 50)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BroadcastKind kind;

    @Column(nullable = false)
    private String text;
    private String textEn;
    private String entities;
    private Long eventId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Audience audience;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BroadcastStatus status;

    private boolean paid;
    private Instant scheduledAt;
    private Instant startedAt;
    private Instant finishedAt;

    @Column(nullable = false)
    private String createdBy;
    private Long progressChatId;
    private Long progressMessageId;
    private String reminderKey;
    private int total;

    @Column(nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Broadcast() {
    }

    static Broadcast draft(BroadcastKind kind, BroadcastContent content, Long eventId, Audience audience,
                           Instant scheduledAt, boolean paid, String createdBy, Long progressChatId,
                           String reminderKey, Instant now) {
        var broadcast = new Broadcast();
        broadcast.kind = kind;
        broadcast.text = content.text();
        broadcast.textEn = content.textEn();
        broadcast.entities = content.entitiesJson();
        broadcast.eventId = eventId;
        broadcast.audience = audience;
        broadcast.scheduledAt = scheduledAt;
        broadcast.paid = paid;
        broadcast.createdBy = createdBy;
        broadcast.progressChatId = progressChatId;
        broadcast.reminderKey = reminderKey;
        broadcast.status = BroadcastStatus.SCHEDULED;
        broadcast.createdAt = now;
        return broadcast;
    }

    void start(int recipients, Instant now) {
        if (status != BroadcastStatus.SCHEDULED) {
            throw new IllegalStateException("Broadcast " + id + " is " + status + ", it cannot start");
        }
        status = BroadcastStatus.SENDING;
        total = recipients;
        startedAt = now;
    }

    void cancel(Instant now) {
        if (status == BroadcastStatus.DONE || status == BroadcastStatus.CANCELLED) {
            throw new BroadcastFinishedException(id, status);
        }
        status = BroadcastStatus.CANCELLED;
        finishedAt = now;
    }

    void finish(Instant now) {
        if (status == BroadcastStatus.SENDING) {
            status = BroadcastStatus.DONE;
            finishedAt = now;
        }
    }

    void attachProgressMessage(long messageId) {
        progressMessageId = messageId;
    }

    /** The text a recipient reads, in their language where the broadcast has one (reminders, change notices). */
    public String textFor(Language language) {
        return language == Language.EN && textEn != null ? textEn : text;
    }

    public Long getId() {
        return id;
    }

    public BroadcastKind getKind() {
        return kind;
    }

    public String getText() {
        return text;
    }

    public String getEntities() {
        return entities;
    }

    public Long getEventId() {
        return eventId;
    }

    public Audience getAudience() {
        return audience;
    }

    public BroadcastStatus getStatus() {
        return status;
    }

    public boolean isPaid() {
        return paid;
    }

    public Instant getScheduledAt() {
        return scheduledAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Long getProgressChatId() {
        return progressChatId;
    }

    public Long getProgressMessageId() {
        return progressMessageId;
    }

    public int getTotal() {
        return total;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Broadcast broadcast && id != null && Objects.equals(id, broadcast.id);
    }

    @Override
    public int hashCode() {
        return Broadcast.class.hashCode();
    }
}
