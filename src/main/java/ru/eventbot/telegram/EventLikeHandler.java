package ru.eventbot.telegram;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.eventbot.event.EventService;
import ru.eventbot.feedback.FeedbackService;

/**
 * 👍 on an event's card or announcement: toggles the presser's like, answers the press, and updates the count on
 * the presser's own copy at once. Other copies show the new count when they are next sent or touched.
 */
@Component
@Order(HandlerOrder.BUTTON)
class EventLikeHandler implements UpdateHandler {

    private final FeedbackService feedback;
    private final EventService events;
    private final EventCards cards;

    EventLikeHandler(FeedbackService feedback, EventService events, EventCards cards) {
        this.feedback = feedback;
        this.events = events;
        this.cards = cards;
    }

    @Override
    public boolean handles(Incoming incoming) {
        return incoming.type() == UpdateType.CALLBACK_QUERY && incoming.from() != null
                && EventCallback.parse(incoming.callbackData())
                .filter(press -> press.action() == EventCallback.Action.LIKE).isPresent();
    }

    @Override
    public void handle(Incoming incoming, Replies replies) {
        var eventId = EventCallback.parse(incoming.callbackData()).orElseThrow().eventId();
        var event = events.find(eventId);
        if (event.isEmpty()) {
            replies.answerCallback("event.unknown");
            return;
        }
        var toggled = feedback.toggleLike(eventId, incoming.telegramUserId());
        replies.answerCallback(toggled.liked() ? "like.on" : "like.off", event.get().getTitle());
        if (incoming.messageId() != null) {
            replies.editPressedKeyboard(cards.keyboard(event.get(), replies.language(), incoming.telegramUserId()));
        }
    }
}
