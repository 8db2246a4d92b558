package ru.eventbot.telegram;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** ◀ ▶ under the {@code /events} list: shows another page in the same message. */
@Component
@Order(HandlerOrder.BUTTON)
class EventListPageHandler implements UpdateHandler {

    private final EventCards cards;

    EventListPageHandler(EventCards cards) {
        this.cards = cards;
    }

    @Override
    public boolean handles(Incoming incoming) {
        return incoming.type() == UpdateType.CALLBACK_QUERY && incoming.callbackData() != null
                && incoming.callbackData().matches(EventCards.PAGE_PREFIX + "\\d{1,4}");
    }

    @Override
    public void handle(Incoming incoming, Replies replies) {
        var page = Integer.parseInt(incoming.callbackData().substring(EventCards.PAGE_PREFIX.length()));
        var shown = cards.listPage(page, replies.language());
        replies.answerCallbackSilently();
        if (incoming.messageId() != null) {
            replies.editPressed(shown.text(), shown.keyboard());
        } else {
            replies.sendText(shown.text(), shown.keyboard());
        }
    }
}
