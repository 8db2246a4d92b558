package ru.eventbot.telegram;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import ru.eventbot.broadcast.AnnouncementDraft;
import ru.eventbot.broadcast.AnnouncementDrafts;
import ru.eventbot.broadcast.Audience;
import ru.eventbot.conversation.Button;
import ru.eventbot.conversation.Keyboard;
import ru.eventbot.event.EventService;
import ru.eventbot.feedback.FeedbackService;
import ru.eventbot.participant.Language;

/**
 * The questions of {@code /announce} and their buttons. Callback data: {@code an:ev:<id>} (0 for none),
 * {@code an:au:<audience>}, {@code an:send}, {@code an:cancel}.
 */
@Component
class AnnouncementSteps {

    static final String PREFIX = "an:";
    private static final int EVENTS_OFFERED = 8;

    private final AnnouncementDrafts drafts;
    private final EventService events;
    private final EventButtons buttons;
    private final MessageSource messages;
    private final FeedbackService feedback;

    AnnouncementSteps(AnnouncementDrafts drafts, EventService events, EventButtons buttons, MessageSource messages,
                      FeedbackService feedback) {
        this.feedback = feedback;
        this.drafts = drafts;
        this.events = events;
        this.buttons = buttons;
        this.messages = messages;
    }

    Keyboard cancelOnly(Language language) {
        return Keyboard.of(cancel(language));
    }

    void askEvent(Replies replies) {
        var language = replies.language();
        var rows = new ArrayList<List<Button>>();
        events.current(0).events().stream().limit(EVENTS_OFFERED).forEach(event -> rows.add(List.of(
                new Button(ButtonLabels.shorten(event.getTitle()),
                        PREFIX + "ev:" + event.getId()))));
        rows.add(List.of(new Button(text(language, "announce.no.event"), PREFIX + "ev:0")));
        rows.add(List.of(cancel(language)));
        replies.send(new Keyboard(rows), "announce.ask.event");
    }

    void askAudience(Replies replies, AnnouncementDraft draft) {
        var language = replies.language();
        replies.send(new Keyboard(List.of(
                List.of(new Button(text(language, "announce.audience.all",
                        drafts.recipients(Audience.ALL, null)), PREFIX + "au:ALL")),
                List.of(new Button(text(language, "announce.audience.attendees",
                        drafts.recipients(Audience.EVENT_ATTENDEES, draft.getEventId())), PREFIX + "au:EVENT_ATTENDEES")),
                List.of(cancel(language)))), "announce.ask.audience");
    }

    /** The announcement exactly as participants will get it, then the question whether to send it. */
    void preview(Replies replies, AnnouncementDraft draft) {
        var language = replies.language();
        var keyboard = draft.getEventId() == null ? Keyboard.none()
                : buttons.forEvent(draft.getEventId(), language, feedback.likeCount(draft.getEventId()), false);
        replies.sendFormatted(draft.getText(), drafts.entities(draft), keyboard);
        replies.send(Keyboard.of(new Button(text(language, "announce.send"), PREFIX + "send"), cancel(language)),
                "announce.preview", drafts.recipients(draft.getAudience(), draft.getEventId()));
    }

    private Button cancel(Language language) {
        return new Button(text(language, "announce.cancel"), PREFIX + "cancel");
    }

    private String text(Language language, String key, Object... args) {
        return messages.getMessage(key, args, language.locale());
    }
}
