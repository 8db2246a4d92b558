package ru.eventbot.broadcast;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;

/** An organiser's {@code /announce} in Telegram, one step at a time: text, event, audience, confirmation. */
@Entity
public class AnnouncementDraft {

    public enum Step {
        TEXT, EVENT, AUDIENCE, CONFIRM
    }

    @Id
    private Long telegramUserId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Step step;

    private String text;
    private String entities;
    private Long eventId;

    @Enumerated(EnumType.STRING)
    private Audience audience;

    @Column(nullable = false)
    private Instant updatedAt;

    protected AnnouncementDraft() {
    }

    static AnnouncementDraft begin(long telegramUserId, Instant now) {
        var draft = new AnnouncementDraft();
        draft.telegramUserId = telegramUserId;
        draft.step = Step.TEXT;
        draft.updatedAt = now;
        return draft;
    }

    void write(String text, String entities, Instant now) {
        expect(Step.TEXT);
        this.text = text;
        this.entities = entities;
        step = Step.EVENT;
        updatedAt = now;
    }

    void about(Long eventId, Instant now) {
        expect(Step.EVENT);
        this.eventId = eventId;
        if (eventId == null) {
            audience = Audience.ALL;
            step = Step.CONFIRM;
        } else {
            step = Step.AUDIENCE;
        }
        updatedAt = now;
    }

    void to(Audience audience, Instant now) {
        expect(Step.AUDIENCE);
        this.audience = audience;
        step = Step.CONFIRM;
        updatedAt = now;
    }

    private void expect(Step expected) {
        if (step != expected) {
            throw new DraftOutOfStepException(step, expected);
        }
    }

    public Step getStep() {
        return step;
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
}
