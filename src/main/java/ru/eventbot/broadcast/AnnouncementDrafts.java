package ru.eventbot.broadcast;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.eventbot.conversation.TextEntity;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Organisers' announcements being composed in Telegram; confirming one starts it as a broadcast. */
@Service
// a press on an old button or a refused text is answered, not a reason to undo the update's other work
@Transactional(noRollbackFor = {DraftOutOfStepException.class, InvalidBroadcastException.class})
public class AnnouncementDrafts {

    private final AnnouncementDraftRepository drafts;
    private final BroadcastService broadcasts;
    private final JsonMapper json;
    private final Clock clock;

    AnnouncementDrafts(AnnouncementDraftRepository drafts, BroadcastService broadcasts, JsonMapper json, Clock clock) {
        this.drafts = drafts;
        this.broadcasts = broadcasts;
        this.json = json;
        this.clock = clock;
    }

    /** A new draft, replacing one the organiser left unfinished. */
    public void begin(long telegramUserId) {
        drafts.findById(telegramUserId).ifPresent(drafts::delete);
        drafts.flush();
        drafts.save(AnnouncementDraft.begin(telegramUserId, clock.instant()));
    }

    @Transactional(readOnly = true)
    public Optional<AnnouncementDraft> find(long telegramUserId) {
        return drafts.findById(telegramUserId);
    }

    /** The text as written, formatting included; checked like any broadcast's. */
    public AnnouncementDraft write(long telegramUserId, String text, List<TextEntity> entities) {
        BroadcastService.checkText(text, entities);
        var draft = require(telegramUserId);
        draft.write(text, entities == null || entities.isEmpty() ? null : json.writeValueAsString(entities),
                clock.instant());
        return draft;
    }

    public AnnouncementDraft about(long telegramUserId, Long eventId) {
        var draft = require(telegramUserId);
        draft.about(eventId, clock.instant());
        return draft;
    }

    public AnnouncementDraft to(long telegramUserId, Audience audience) {
        var draft = require(telegramUserId);
        draft.to(audience, clock.instant());
        return draft;
    }

    /** Sends it: the broadcast starts now, with its progress shown in {@code progressChatId}. */
    public Broadcast confirm(long telegramUserId, long progressChatId) {
        var draft = require(telegramUserId);
        if (draft.getStep() != AnnouncementDraft.Step.CONFIRM) {
            throw new DraftOutOfStepException(draft.getStep(), AnnouncementDraft.Step.CONFIRM);
        }
        var broadcast = broadcasts.announce(new NewBroadcast(draft.getText(), entities(draft), draft.getEventId(),
                draft.getAudience().name(), null, false, "telegram:" + telegramUserId, progressChatId));
        drafts.delete(draft);
        return broadcast;
    }

    public void discard(long telegramUserId) {
        drafts.findById(telegramUserId).ifPresent(drafts::delete);
    }

    public List<TextEntity> entities(AnnouncementDraft draft) {
        return draft.getEntities() == null ? List.of()
                : json.readValue(draft.getEntities(), new TypeReference<List<TextEntity>>() { });
    }

    /** How many a broadcast to this audience would reach now. */
    @Transactional(readOnly = true)
    public int recipients(Audience audience, Long eventId) {
        return broadcasts.recipients(audience, eventId);
    }

    private AnnouncementDraft require(long telegramUserId) {
        return drafts.findById(telegramUserId).orElseThrow(
                () -> new DraftOutOfStepException(null, AnnouncementDraft.Step.TEXT));
    }
}
