package ru.eventbot.telegram;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Whatever a participant writes in private that no feature claims: it is already stored for the organisers'
 * inbox; acknowledge it so the person knows it reached someone.
 */
@Component
@Order(HandlerOrder.FALLBACK)
class FreeTextHandler implements UpdateHandler {

    @Override
    public boolean handles(Incoming incoming) {
        return incoming.isPrivateMessage();
    }

    @Override
    public void handle(Incoming incoming, Replies replies) {
        replies.send("message.received");
    }
}
