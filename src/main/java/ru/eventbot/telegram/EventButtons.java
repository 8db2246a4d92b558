package ru.eventbot.telegram;

import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import ru.eventbot.conversation.Button;
import ru.eventbot.conversation.Keyboard;
import ru.eventbot.participant.Language;

/**
 * The keyboard under an event's card and its announcements: 👍 like (with the count), 📝 feedback, 📎 materials,
 * ✅ attend. Its callback data is {@code ev:<action>:<event id>}; like all callback data it is untrusted input and
 * is parsed by {@link EventCallback}.
 */
@Component
class EventButtons {

    private final MessageSource messages;

    EventButtons(MessageSource messages) {
        this.messages = messages;
    }

    /** Under an event's card: the event's buttons and a row opening its comments. */
    Keyboard forCard(long eventId, Language language, int likes, boolean attending) {
        var rows = new java.util.ArrayList<>(forEvent(eventId, language, likes, attending).rows());
        rows.add(List.of(new Button(text("comments.button", language),
                EventCallback.data(EventCallback.Action.COMMENTS, eventId))));
        return new Keyboard(rows);
    }

    /** ⭐ 1 … ⭐ 5 for an event: the answer to 📝 and the question after an event. */
    Keyboard ratings(long eventId) {
        var row = new java.util.ArrayList<Button>(5);
        for (int stars = 1; stars <= 5; stars++) {
            row.add(new Button("⭐ " + stars, FeedbackCallback.rate(eventId, stars)));
        }
        return new Keyboard(List.of(row));
    }

    static String likeLabel(int likes) {
        return likes > 0 ? "👍 " + likes : "👍";
    }

    Keyboard forEvent(long eventId, Language language, int likes, boolean attending) {
        var like = likeLabel(likes);
        return new Keyboard(List.of(
                List.of(new Button(like, EventCallback.data(EventCallback.Action.LIKE, eventId)),
                        new Button(text("event.button.feedback", language),
                                EventCallback.data(EventCallback.Action.FEEDBACK, eventId))),
                List.of(new Button(text("event.button.materials", language),
                                EventCallback.data(EventCallback.Action.MATERIALS, eventId)),
                        new Button(text(attending ? "event.button.attending" : "event.button.attend", language),
                                EventCallback.data(EventCallback.Action.ATTEND, eventId)))));
    }

    private String text(String key, Language language) {
        return messages.getMessage(key, null, language.locale());
    }
}
