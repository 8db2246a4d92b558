package ru.eventbot.telegram;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import ru.eventbot.conversation.Button;
import ru.eventbot.conversation.Keyboard;
import ru.eventbot.event.EventService;
import ru.eventbot.material.MaterialDraft;
import ru.eventbot.material.MaterialDrafts;
import ru.eventbot.participant.Language;

/**
 * The questions an organiser answers to publish a document sent in Telegram, and their buttons. Callback data:
 * {@code mu:ev:<id>}, {@code mu:tk:<id>} (0 for no particular talk), {@code mu:ok}, {@code mu:no}.
 */
@Component
class MaterialUploadSteps {

    static final String PREFIX = "mu:";
    /** Bots may download files of at most 20 MB from Telegram; larger ones must come through the API. */
    static final long DOWNLOAD_LIMIT = 20L * 1024 * 1024;
    private static final int EVENTS_OFFERED = 8;
    private static final int TALKS_OFFERED = 20;

    private final EventService events;
    private final MaterialDrafts drafts;
    private final MessageSource messages;

    MaterialUploadSteps(EventService events, MaterialDrafts drafts, MessageSource messages) {
        this.events = events;
        this.drafts = drafts;
        this.messages = messages;
    }

    void askEvent(Replies replies, MaterialDraft draft) {
        var language = replies.language();
        var rows = new ArrayList<List<Button>>();
        events.current(0).events().stream().limit(EVENTS_OFFERED).forEach(event -> rows.add(List.of(
                new Button(ButtonLabels.shorten(event.getTitle()), PREFIX + "ev:" + event.getId()))));
        if (rows.isEmpty()) {
            drafts.discard(draft.getTelegramUserId());
            replies.send("material.upload.no.events");
            return;
        }
        rows.add(List.of(cancel(language)));
        replies.send(new Keyboard(rows), "material.upload.ask.event", draft.getTitle());
    }

    void askTalk(Replies replies, MaterialDraft draft) {
        var language = replies.language();
        var rows = new ArrayList<List<Button>>();
        drafts.talks(draft).stream().limit(TALKS_OFFERED).forEach(talk -> rows.add(List.of(new Button(
                ButtonLabels.shorten(talk.getTitle() + " — " + talk.getSpeaker()), PREFIX + "tk:" + talk.getId()))));
        rows.add(List.of(new Button(text(language, "material.upload.no.talk"), PREFIX + "tk:0")));
        rows.add(List.of(cancel(language)));
        replies.send(new Keyboard(rows), "material.upload.ask.talk");
    }

    /** What will be published, and the question whether to. */
    void confirm(Replies replies, MaterialDraft draft) {
        var language = replies.language();
        var event = events.get(draft.getEventId());
        var talk = drafts.talks(draft).stream().filter(t -> t.getId().equals(draft.getTalkId())).findFirst()
                .map(t -> t.getTitle()).orElse(text(language, "material.upload.no.talk"));
        var speaker = draft.getSpeaker() != null ? draft.getSpeaker()
                : text(language, "material.upload.speaker.organisers");
        replies.send(Keyboard.of(new Button(text(language, "material.upload.publish"), PREFIX + "ok"),
                        cancel(language)), "material.upload.preview", draft.getTitle(), speaker, event.getTitle(), talk,
                draft.getFileName(), draft.getDescription() == null ? "—" : draft.getDescription());
    }

    private Button cancel(Language language) {
        return new Button(text(language, "material.upload.cancel"), PREFIX + "no");
    }

    private String text(Language language, String key, Object... args) {
        return messages.getMessage(key, args, language.locale());
    }
}
