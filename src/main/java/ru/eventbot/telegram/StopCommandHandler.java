package ru.eventbot.telegram;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.eventbot.participant.ParticipantService;

/** {@code /stop}: no more announcements; what the participant gave (likes, ratings) stays. */
@Component
@Order(HandlerOrder.COMMAND)
class StopCommandHandler implements UpdateHandler {

    private final ParticipantService participants;

    StopCommandHandler(ParticipantService participants) {
        this.participants = participants;
    }

    @Override
    public boolean handles(Incoming incoming) {
        return incoming.isPrivateMessage() && incoming.isCommand("stop");
    }

    @Override
    public void handle(Incoming incoming, Replies replies) {
        participants.unsubscribe(incoming.telegramUserId());
        replies.send("stop.done");
    }
}
