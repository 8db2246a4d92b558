package ru.eventbot.material;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.eventbot.conversation.ConversationService;
import ru.eventbot.conversation.Keyboard;
import ru.eventbot.conversation.OutgoingMessage;
import ru.eventbot.event.EventService;
import ru.eventbot.event.Talk;
import ru.eventbot.participant.Language;

/**
 * Materials organisers publish from Telegram: a document with a caption, then the event and the talk picked with
 * buttons, then a confirmation. Confirmed, {@link MaterialImportRequested} asks the Telegram side (after commit,
 * kept in the event publication registry until done) to fetch the file and hand it to {@link #publish}; the
 * organiser is told how it went. Telegram's {@code file_id} of the document is kept, so the file is never uploaded
 * back to Telegram.
 */
@Service
// a press on an old button is answered, not a reason to undo the update's other work
@Transactional(noRollbackFor = MaterialDraftOutOfStepException.class)
public class MaterialDrafts {

    private static final Logger log = LoggerFactory.getLogger(MaterialDrafts.class);

    private final MaterialDraftRepository drafts;
    private final MaterialService materials;
    private final EventService events;
    private final ConversationService conversations;
    private final MessageSource messages;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    MaterialDrafts(MaterialDraftRepository drafts, MaterialService materials, EventService events,
                   ConversationService conversations, MessageSource messages, ApplicationEventPublisher publisher,
                   Clock clock) {
        this.drafts = drafts;
        this.materials = materials;
        this.events = events;
        this.conversations = conversations;
        this.messages = messages;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** A new draft from a document and its caption, replacing one the organiser left unfinished. */
    public MaterialDraft begin(long telegramUserId, long chatId, Language language, SentDocument document,
                               String caption) {
        drafts.findById(telegramUserId).ifPresent(drafts::delete);
        drafts.flush();
        return drafts.save(MaterialDraft.begin(telegramUserId, chatId, language, document,
                DraftCaption.parse(caption, document.fileName()), clock.instant()));
    }

    @Transactional(readOnly = true)
    public Optional<MaterialDraft> find(long telegramUserId) {
        return drafts.findById(telegramUserId);
    }

    /** The event it belongs to; the talk is asked next when the event has talks. */
    public MaterialDraft about(long telegramUserId, long eventId) {
        var draft = require(telegramUserId);
        var event = events.get(eventId);
        draft.about(eventId, !event.getTalks().isEmpty(), clock.instant());
        return draft;
    }

    /** The talk it belongs to ({@code null}: none in particular); it must be a talk of the chosen event. */
    public MaterialDraft ofTalk(long telegramUserId, Long talkId) {
        var draft = require(telegramUserId);
        draft.expect(MaterialDraft.Step.TALK);
        var talk = talkId == null ? null : talks(draft).stream().filter(t -> talkId.equals(t.getId())).findFirst()
                .orElseThrow(() -> new MaterialDraftOutOfStepException("talk " + talkId + " is not a talk of event "
                        + draft.getEventId()));
        draft.ofTalk(talkId, talk == null ? null : talk.getSpeaker(), clock.instant());
        return draft;
    }

    @Transactional(readOnly = true)
    public List<Talk> talks(MaterialDraft draft) {
        return draft.getEventId() == null ? List.of() : events.get(draft.getEventId()).getTalks();
    }

    /** Publishes it: the file is fetched from Telegram after this commits. */
    public void confirm(long telegramUserId) {
        var draft = require(telegramUserId);
        draft.confirm(text(draft.getLanguage(), "material.upload.speaker.organisers"), clock.instant());
        publisher.publishEvent(new MaterialImportRequested(telegramUserId));
    }

    public void discard(long telegramUserId) {
        drafts.findById(telegramUserId).ifPresent(drafts::delete);
    }

    /** The confirmed draft waiting for its file; empty when it was published already (or never confirmed). */
    @Transactional(readOnly = true)
    public Optional<MaterialDraft> importing(long telegramUserId) {
        return drafts.findById(telegramUserId).filter(draft -> draft.getStep() == MaterialDraft.Step.IMPORTING);
    }

    /**
     * Publishes the confirmed draft with the file's content and tells the organiser. A file the material rules
     * refuse (empty, too large, a program) throws as {@link MaterialService#publish} does, leaving the draft for
     * {@link #refused}.
     */
    public Optional<Material> publish(long telegramUserId, InputStreamSource content) {
        var draft = importing(telegramUserId).orElse(null);
        if (draft == null) {
            return Optional.empty();
        }
        drafts.delete(draft);
        var material = materials.publish(new NewMaterial(draft.getEventId(), draft.getTalkId(), draft.getTitle(),
                draft.getSpeaker(), draft.getDescription(), draft.getFileName(), content));
        materials.rememberTelegramFileId(material.getId(), draft.getTelegramFileId());
        tell(draft, "material.upload.published", material.getTitle(), material.getEventTitle());
        return Optional.of(material);
    }

    /** The material rules refused the file ({@link #publish} threw {@code refusal}): the draft ends, saying why. */
    public void refused(long telegramUserId, RuntimeException refusal) {
        var key = refusal instanceof MaterialTooLargeException ? "material.upload.refused.large"
                : refusal instanceof UnacceptableFileTypeException ? "material.upload.refused.program"
                : "material.upload.refused";
        end(telegramUserId, key, refusal.getMessage());
    }

    /** The file could not be fetched from Telegram: the draft ends and the organiser is asked to send it again. */
    public void failed(long telegramUserId, String reason) {
        end(telegramUserId, "material.upload.fetch.failed", reason);
    }

    private void end(long telegramUserId, String key, String reason) {
        importing(telegramUserId).ifPresent(draft -> {
            log.warn("Material file {} of organiser {} not published: {}", draft.getFileName(), telegramUserId,
                    reason);
            drafts.delete(draft);
            tell(draft, key, draft.getFileName());
        });
    }

    private void tell(MaterialDraft draft, String key, Object... args) {
        conversations.queueNotices(List.of(OutgoingMessage.text(draft.getTelegramUserId(), draft.getChatId(),
                text(draft.getLanguage(), key, args), Keyboard.none())));
    }

    private String text(Language language, String key, Object... args) {
        return messages.getMessage(key, args, language.locale());
    }

    private MaterialDraft require(long telegramUserId) {
        return drafts.findById(telegramUserId)
                .orElseThrow(() -> new MaterialDraftOutOfStepException("no material draft of " + telegramUserId));
    }
}
