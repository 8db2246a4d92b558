package ru.eventbot.telegram;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A command no handler knows: say so kindly and point to /help. */
@Component
@Order(HandlerOrder.COMMAND + 50)
class UnknownCommandHandler implements UpdateHandler {

    @Override
    public boolean handles(Incoming incoming) {
        return incoming.isPrivateMessage() && incoming.command() != null;
    }

    @Override
    public void handle(Incoming incoming, Replies replies) {
        replies.send("command.unknown", "/" + incoming.command());
    }
}
