package ru.eventbot.telegram;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import ru.eventbot.conversation.Button;
import ru.eventbot.conversation.Keyboard;
import ru.eventbot.event.Event;
import ru.eventbot.event.EventDates;
import ru.eventbot.event.EventService;
import ru.eventbot.feedback.FeedbackService;
import ru.eventbot.participant.Language;

/** What an event looks like in Telegram: its card (text and keyboard) and the paged list of {@code /events}. */
@Component
class EventCards {

    static final String PAGE_PREFIX = "evl:";
    private static final int MAX_TEXT = 4096;

    private final EventService events;
    private final EventDates dates;
    private final EventButtons buttons;
    private final MessageSource messages;
    private final FeedbackService feedback;

    EventCards(EventService events, EventDates dates, EventButtons buttons, MessageSource messages,
               FeedbackService feedback) {
        this.feedback = feedback;
        this.events = events;
        this.dates = dates;
        this.buttons = buttons;
        this.messages = messages;
    }

    /** Title, when, where, description, programme and attendance; talks that do not fit one message are left out. */
    String text(Event event, Language language) {
        var text = new StringBuilder(event.getTitle())
                .append('\n').append(message(language, "event.card.when", dates.when(event, language)));
        if (hasText(event.getVenue())) {
            text.append('\n').append(message(language, "event.card.venue", event.getVenue()));
        }
        if (hasText(event.getDescription())) {
            text.append("\n\n").append(event.getDescription());
        }
        var attendees = message(language, "event.card.attendees", events.attendeeCount(event.getId()));
        if (!event.getTalks().isEmpty()) {
            text.append("\n\n").append(message(language, "event.card.talks"));
            for (var talk : event.getTalks()) {
                var line = hasText(talk.getSpeaker())
                        ? message(language, "event.card.talk.speaker", talk.getTitle(), talk.getSpeaker())
                        : message(language, "event.card.talk", talk.getTitle());
                if (text.length() + line.length() + attendees.length() + 4 > MAX_TEXT) {
                    text.append("\n…");
                    break;
                }
                text.append('\n').append(line);
            }
        }
        return text.append("\n\n").append(attendees).toString();
    }

    Keyboard keyboard(Event event, Language language, long telegramUserId) {
        return buttons.forCard(event.getId(), language, feedback.likeCount(event.getId()),
                events.isAttending(event.getId(), telegramUserId));
    }

    void sendCard(Event event, Replies replies, long telegramUserId) {
        replies.sendText(text(event, replies.language()), keyboard(event, replies.language(), telegramUserId));
    }

    /** The list message of one page: a button per event (opens its card) and ◀ ▶ between pages. */
    ListPage listPage(int page, Language language) {
        var current = events.current(page);
        if (current.events().isEmpty()) {
            return new ListPage(message(language, "events.none"), Keyboard.none());
        }
        var rows = new ArrayList<List<Button>>();
        var day = DateTimeFormatter.ofPattern("d MMM", language.locale());
        for (var event : current.events()) {
            var label = day.format(event.startsAtLocal()) + " · " + event.getTitle();
            rows.add(List.of(new Button(ButtonLabels.shorten(label),
                    EventCallback.data(EventCallback.Action.CARD, event.getId()))));
        }
        var paging = new ArrayList<Button>();
        if (current.hasPrevious()) {
            paging.add(new Button(message(language, "events.page.previous"), PAGE_PREFIX + (current.page() - 1)));
        }
        if (current.hasNext()) {
            paging.add(new Button(message(language, "events.page.next"), PAGE_PREFIX + (current.page() + 1)));
        }
        if (!paging.isEmpty()) {
            rows.add(paging);
        }
        return new ListPage(message(language, "events.list", current.page() + 1, current.pages()), new Keyboard(rows));
    }

    record ListPage(String text, Keyboard keyboard) {
    }


    private String message(Language language, String key, Object... args) {
        return messages.getMessage(key, args, language.locale());
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
