package ru.eventbot.broadcast;

import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import ru.eventbot.event.EventProperties;
import ru.eventbot.event.EventService;
import ru.eventbot.participant.Language;

/**
 * After an event ends, its attendees are asked once how it was, with the rating buttons in the message itself.
 * The key {@code feedback:<event>} is unique, so a restart or a second instance does not ask twice; an event that
 * ended longer ago than {@code feedback-within} (the bot was down) is not asked about any more.
 */
@Component
class FeedbackRequests {

    private final EventService events;
    private final BroadcastService broadcasts;
    private final EventProperties properties;
    private final MessageSource messages;

    FeedbackRequests(EventService events, BroadcastService broadcasts, EventProperties properties,
                     MessageSource messages) {
        this.events = events;
        this.broadcasts = broadcasts;
        this.properties = properties;
        this.messages = messages;
    }

    void sendDue() {
        for (var event : events.endedWithin(properties.feedbackWithin())) {
            try {
                broadcasts.notifyAttendees(BroadcastKind.FEEDBACK_REQUEST, event.getId(),
                        text(event.getTitle(), Language.RU), text(event.getTitle(), Language.EN),
                        "feedback:" + event.getId());
            } catch (DataIntegrityViolationException askedMeanwhile) {
                // another instance asked at the same moment
            }
        }
    }

    private String text(String title, Language language) {
        return messages.getMessage("feedback.request", new Object[] {title}, language.locale());
    }
}
