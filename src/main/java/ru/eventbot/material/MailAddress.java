package ru.eventbot.material;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** A participant's address for materials, and where the conversation about it stands. */
@Entity
@Table(name = "material_mail_address")
class MailAddress {

    static final int MAX_ATTEMPTS = 5;
    /** How long the bot takes a participant's text for the address or code it asked for. */
    static final Duration REPLY_WINDOW = Duration.ofHours(1);

    enum Step { NONE, ADDRESS, CODE }

    @Id
    private Long telegramUserId;

    private String address;

    @Column(nullable = false)
    private boolean confirmed;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Step step;

    private String codeHash;
    private Instant codeExpiresAt;

    @Column(nullable = false)
    private int attempts;

    private Long pendingMaterialId;

    @Column(nullable = false)
    private Instant updatedAt;

    protected MailAddress() {
    }

    MailAddress(long telegramUserId, Instant now) {
        this.telegramUserId = telegramUserId;
        this.step = Step.NONE;
        this.updatedAt = now;
    }

    /** The participant wants {@code materialId} by e-mail and has no confirmed address: ask for one. */
    void askAddress(long materialId, Instant now) {
        step = Step.ADDRESS;
        pendingMaterialId = materialId;
        updatedAt = now;
    }

    /** A new address, to be confirmed with the code whose hash this is. */
    void awaitCode(String newAddress, String newCodeHash, Instant expiresAt, Instant now) {
        address = newAddress;
        confirmed = false;
        codeHash = newCodeHash;
        codeExpiresAt = expiresAt;
        attempts = 0;
        step = Step.CODE;
        updatedAt = now;
    }

    /** One wrong code; false when no tries are left (the participant must give the address again). */
    boolean wrongCode(Instant now) {
        attempts++;
        updatedAt = now;
        if (attempts >= MAX_ATTEMPTS) {
            step = Step.ADDRESS;
            codeHash = null;
            return false;
        }
        return true;
    }

    void confirm(Instant now) {
        confirmed = true;
        codeHash = null;
        codeExpiresAt = null;
        step = Step.NONE;
        updatedAt = now;
    }

    void cancel(Instant now) {
        step = Step.NONE;
        codeHash = null;
        pendingMaterialId = null;
        updatedAt = now;
    }

    boolean codeExpired(Instant now) {
        return codeExpiresAt == null || now.isAfter(codeExpiresAt);
    }

    /** Whether the participant's next text is an address or a code: a conversation not older than an hour. */
    boolean isAwaitingReply(Instant now) {
        return step != Step.NONE && updatedAt.isAfter(now.minus(REPLY_WINDOW));
    }

    long getTelegramUserId() { return telegramUserId; }
    String getAddress() { return address; }
    boolean isConfirmed() { return confirmed; }
    Step getStep() { return step; }
    String getCodeHash() { return codeHash; }
    int getAttempts() { return attempts; }
    Long getPendingMaterialId() { return pendingMaterialId; }
}
