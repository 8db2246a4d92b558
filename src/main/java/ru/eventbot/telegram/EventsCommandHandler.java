package ru.eventbot.telegram;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code /events}: upcoming and recent events, a page at a time, each opening its card. */
@Component
@Order(HandlerOrder.COMMAND)
class EventsCommandHandler implements UpdateHandler {

    private final EventCards cards;

    EventsCommandHandler(EventCards cards) {
        this.cards = cards;
    }

    @Override
    public boolean handles(Incoming incoming) {
        return incoming.isPrivateMessage() && incoming.isCommand("events");
    }

    @Override
    public void handle(Incoming incoming, Replies replies) {
        var page = cards.listPage(0, replies.language());
        replies.sendText(page.text(), page.keyboard());
    }
}
