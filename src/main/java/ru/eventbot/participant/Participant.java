package ru.eventbot.participant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import java.time.Instant;
import java.util.Objects;

@Entity
public class Participant {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "participant_seq")
    @SequenceGenerator(name = "participant_seq", sequenceName = "participant_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, unique = true)
    private long telegramUserId;

    @Column(nullable = false)
    private long chatId;

    private String firstName;
    private String lastName;
    private String username;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Language language;

    private boolean subscribed;
    private boolean blocked;
    private String consentVersion;
    private Instant consentAt;
    private String startPayload;
    private Instant unsubscribedAt;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    protected Participant() {
    }

    static Participant firstSeen(TelegramProfile profile, Instant now) {
        var participant = new Participant();
        participant.telegramUserId = profile.telegramUserId();
        participant.chatId = profile.chatId();
        participant.language = profile.language();
        participant.createdAt = now;
        participant.updatedAt = now;
        participant.refreshProfile(profile, now);
        return participant;
    }

    /** Keeps name, username and language as Telegram last reported them; returns whether anything changed. */
    boolean refreshProfile(TelegramProfile profile, Instant now) {
        var changed = !Objects.equals(firstName, profile.firstName())
                || !Objects.equals(lastName, profile.lastName())
                || !Objects.equals(username, profile.username())
                || language != profile.language();
        if (changed) {
            firstName = profile.firstName();
            lastName = profile.lastName();
            username = profile.username();
            language = profile.language();
            updatedAt = now;
        }
        return changed;
    }

    void subscribe(String consentVersion, String startPayload, Instant now) {
        subscribed = true;
        blocked = false;
        this.consentVersion = consentVersion;
        consentAt = now;
        if (startPayload != null && !startPayload.isBlank()) {
            this.startPayload = startPayload;
        }
        updatedAt = now;
    }

    void unsubscribe(Instant now) {
        subscribed = false;
        unsubscribedAt = now;
        updatedAt = now;
    }

    void markBlocked(Instant now) {
        blocked = true;
        updatedAt = now;
    }

    void markUnblocked(Instant now) {
        blocked = false;
        updatedAt = now;
    }

    public boolean canReceiveMessages() {
        return !blocked;
    }

    public boolean receivesBroadcasts() {
        return subscribed && !blocked;
    }

    public String displayName() {
        var name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        if (!name.isEmpty()) {
            return name;
        }
        return username != null ? "@" + username : String.valueOf(telegramUserId);
    }

    public Long getId() { return id; }
    public long getTelegramUserId() { return telegramUserId; }
    public long getChatId() { return chatId; }
    public String getFirstName() { return firstName; }
    public String getLastName() { return lastName; }
    public String getUsername() { return username; }
    public Language getLanguage() { return language; }
    public boolean isSubscribed() { return subscribed; }
    public boolean isBlocked() { return blocked; }
    public String getConsentVersion() { return consentVersion; }
    public Instant getConsentAt() { return consentAt; }
    public String getStartPayload() { return startPayload; }
    public Instant getUnsubscribedAt() { return unsubscribedAt; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
