package ru.eventbot.telegram;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A button press no feature claims (an old keyboard, or forged callback data): answer it anyway, so the
 * participant's button stops spinning and they learn it does nothing now.
 */
@Component
@Order(HandlerOrder.FALLBACK)
class StaleButtonHandler implements UpdateHandler {

    @Override
    public boolean handles(Incoming incoming) {
        return incoming.type() == UpdateType.CALLBACK_QUERY;
    }

    @Override
    public void handle(Incoming incoming, Replies replies) {
        replies.answerCallback("button.stale");
    }
}
