package ru.eventbot.telegram;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

@Component
@Order(HandlerOrder.COMMAND)
class HelpCommandHandler implements UpdateHandler {

    @Override
    public boolean handles(Incoming incoming) {
        return incoming.isPrivateMessage() && incoming.isCommand("help");
    }

    @Override
    public void handle(Incoming incoming, Replies replies) {
        replies.send("help.text");
    }
}
