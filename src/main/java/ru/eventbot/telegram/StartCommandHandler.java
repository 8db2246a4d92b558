package ru.eventbot.telegram;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.eventbot.participant.ParticipantService;

/** {@code /start [payload]}: subscribes with the consent line, greets, and keeps a deep-link payload. */
@Component
@Order(HandlerOrder.COMMAND)
class StartCommandHandler implements UpdateHandler {

    private final ParticipantService participants;

    StartCommandHandler(ParticipantService participants) {
        this.participants = participants;
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
    }
}
