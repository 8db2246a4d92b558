package ru.eventbot.material;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import ru.eventbot.participant.Language;

/**
 * A material an organiser publishes from Telegram, one step at a time: the document (with its caption as title,
 * speaker and description), the event, the talk, the confirmation; then the file is fetched and published.
 */
@Entity
public class MaterialDraft {

    public enum Step {
        EVENT, TALK, CONFIRM, IMPORTING
    }

    @Id
    private Long telegramUserId;

    @Column(nullable = false)
    private long chatId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Language language;

    @Column(nullable = false)
    private String telegramFileId;

    @Column(nullable = false)
    private String fileName;

    private Long fileSize;

    @Column(nullable = false)
    private String title;

    private String speaker;
    private String description;
    private Long eventId;
    private Long talkId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Step step;

    @Column(nullable = false)
    private Instant updatedAt;

    protected MaterialDraft() {
    }

    static MaterialDraft begin(long telegramUserId, long chatId, Language language, SentDocument document,
                               DraftCaption caption, Instant now) {
        var draft = new MaterialDraft();
        draft.telegramUserId = telegramUserId;
        draft.chatId = chatId;
        draft.language = language;
        draft.telegramFileId = document.telegramFileId();
        draft.fileName = document.fileName();
        draft.fileSize = document.size();
        draft.title = caption.title();
        draft.speaker = caption.speaker();
        draft.description = caption.description();
        draft.step = Step.EVENT;
        draft.updatedAt = now;
        return draft;
    }

    void about(long eventId, boolean eventHasTalks, Instant now) {
        expect(Step.EVENT);
        this.eventId = eventId;
        step = eventHasTalks ? Step.TALK : Step.CONFIRM;
        updatedAt = now;
    }

    /** The talk it belongs to, or none; a talk's speaker stands in when the caption named nobody. */
    void ofTalk(Long talkId, String talkSpeaker, Instant now) {
        expect(Step.TALK);
        this.talkId = talkId;
        if (speaker == null && talkSpeaker != null && !talkSpeaker.isBlank()) {
            speaker = talkSpeaker;
        }
        step = Step.CONFIRM;
        updatedAt = now;
    }

    void confirm(String defaultSpeaker, Instant now) {
        expect(Step.CONFIRM);
        if (speaker == null) {
            speaker = defaultSpeaker;
        }
        step = Step.IMPORTING;
        updatedAt = now;
    }

    void expect(Step expected) {
        if (step != expected) {
            throw new MaterialDraftOutOfStepException(step, expected);
        }
    }

    public Long getTelegramUserId() { return telegramUserId; }
    public long getChatId() { return chatId; }
    public Language getLanguage() { return language; }
    public String getTelegramFileId() { return telegramFileId; }
    public String getFileName() { return fileName; }
    public Long getFileSize() { return fileSize; }
    public String getTitle() { return title; }
    public String getSpeaker() { return speaker; }
    public String getDescription() { return description; }
    public Long getEventId() { return eventId; }
    public Long getTalkId() { return talkId; }
    public Step getStep() { return step; }
}
