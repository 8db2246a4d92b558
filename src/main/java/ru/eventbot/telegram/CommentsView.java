package ru.eventbot.telegram;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import ru.eventbot.conversation.Button;
import ru.eventbot.conversation.Keyboard;
import ru.eventbot.event.Event;
import ru.eventbot.feedback.FeedbackService;
import ru.eventbot.participant.Language;

/**
 * An event's comments as participants see them, as under the original post: a page of comments, each with its
 * own 👍 and count (and, for organisers, 🙈 to hide it), and ◀ ▶ between pages. Callback data:
 * {@code cm:p:<event>:<page>} pages, {@code cm:l:<event>:<comment>:<page>} likes,
 * {@code cm:h:<event>:<comment>:<page>} hides.
 */
@Component
class CommentsView {

    static final String PREFIX = "cm:";
    private static final int PAGE_SIZE = 5;
    private static final int SHOWN_CHARACTERS = 600;

    private final FeedbackService feedback;
    private final MessageSource messages;

    CommentsView(FeedbackService feedback, MessageSource messages) {
        this.feedback = feedback;
        this.messages = messages;
    }

    record Page(String text, Keyboard keyboard) {
    }

    Page page(Event event, int page, Language language, boolean organiser) {
        var comments = feedback.visibleComments(event.getId(), page, PAGE_SIZE);
        if (comments.comments().isEmpty()) {
            return new Page(text(language, "comments.none", event.getTitle()), Keyboard.none());
        }
        var text = new StringBuilder(text(language, "comments.title", event.getTitle(), comments.page() + 1,
                comments.pages()));
        var rows = new ArrayList<List<Button>>();
        var number = comments.page() * PAGE_SIZE;
        for (var comment : comments.comments()) {
            number++;
            var shown = comment.text().length() > SHOWN_CHARACTERS
                    ? comment.text().substring(0, SHOWN_CHARACTERS - 1) + "…" : comment.text();
            text.append("\n\n").append(text(language, "comments.item", number, comment.rating(),
                    shortName(comment.author()), shown));
            var row = new ArrayList<Button>(2);
            row.add(new Button(EventButtons.likeLabel(comment.likes()) + " · " + number,
                    PREFIX + "l:" + event.getId() + ":" + comment.id() + ":" + comments.page()));
            if (organiser) {
                row.add(new Button("🙈 " + number,
                        PREFIX + "h:" + event.getId() + ":" + comment.id() + ":" + comments.page()));
            }
            rows.add(row);
        }
        var paging = new ArrayList<Button>(2);
        if (comments.hasPrevious()) {
            paging.add(new Button(text(language, "events.page.previous"),
                    PREFIX + "p:" + event.getId() + ":" + (comments.page() - 1)));
        }
        if (comments.hasNext()) {
            paging.add(new Button(text(language, "events.page.next"),
                    PREFIX + "p:" + event.getId() + ":" + (comments.page() + 1)));
        }
        if (!paging.isEmpty()) {
            rows.add(paging);
        }
        return new Page(text.toString(), new Keyboard(rows));
    }

    /** "Ксения Садовская" → "Ксения С.": participants see each other by first name. */
    private static String shortName(String name) {
        var space = name.indexOf(' ');
        return space < 0 || space + 1 >= name.length() ? name : name.substring(0, space + 2) + ".";
    }

    private String text(Language language, String key, Object... args) {
        return messages.getMessage(key, args, language.locale());
    }
}
