package ru.eventbot.telegram;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.eventbot.event.EventService;
import ru.eventbot.participant.ParticipantService;

/**
 * {@code /start [payload]}: subscribes with the consent line, greets, and keeps a deep-link payload; the payload
 * {@code event_<id>} also opens that event's card.
 */
@Component
@Order(HandlerOrder.COMMAND)
class StartCommandHandler implements UpdateHandler {

    private static final java.util.regex.Pattern EVENT_LINK = java.util.regex.Pattern.compile("event_(\\d{1,18})");

    private final ParticipantService participants;
    private final EventService events;
    private final EventCards cards;

    StartCommandHandler(ParticipantService participants, EventService events, EventCards cards) {
        this.participants = participants;
        this.events = events;
        this.cards = cards;
    }

    @Override
    public boolean handles(Incoming incoming) {
        return incoming.isPrivateMessage() && incoming.isCommand("start");
    }

    @Override
    public void handle(Incoming incoming, Replies replies) {
        var payload = incoming.commandArgument();
        if (payload != null && !payload.matches("[A-Za-z0-9_-]{1,64}")) {
            payload = null; // deep-link payloads are at most 64 of these characters; anything else is not one
        }
        var participant = participants.subscribe(incoming.from(), payload);
        replies.send("start.greeting", participant.getFirstName() != null ? participant.getFirstName() : participant.displayName());
        replies.send("start.consent");
        if (payload != null) {
            var link = EVENT_LINK.matcher(payload);
            if (link.matches()) {
                // t.me/<bot>?start=event_<id>: the card of the event the link was shared for
                events.find(Long.parseLong(link.group(1))).ifPresentOrElse(
                        event -> cards.sendCard(event, replies, incoming.telegramUserId()),
                        () -> replies.send("event.unknown"));
            }
        }
    }
}
