package ru.eventbot.telegram;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code /mydata}: the participant gets everything stored about them as a JSON file. */
@Component
@Order(HandlerOrder.COMMAND)
class MyDataHandler implements UpdateHandler {

    @Override
    public boolean handles(Incoming incoming) {
        return incoming.from() != null && incoming.isPrivateMessage() && incoming.isCommand("mydata");
    }

    @Override
    public void handle(Incoming incoming, Replies replies) {
        replies.sendPersonalData(replies.text("mydata.caption"));
    }
}
