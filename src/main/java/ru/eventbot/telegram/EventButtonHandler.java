package ru.eventbot.telegram;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.eventbot.event.EventService;

/**
 * Presses on an event's buttons that open its card or toggle attendance (✅). The pressed card's keyboard is
 * updated in place so the participant sees their choice at once.
 */
@Component
@Order(HandlerOrder.BUTTON)
class EventButtonHandler implements UpdateHandler {

    private final EventService events;
    private final EventCards cards;

    EventButtonHandler(EventService events, EventCards cards) {
        this.events = events;
        this.cards = cards;
    }

    @Override
    public boolean handles(Incoming incoming) {
        return incoming.type() == UpdateType.CALLBACK_QUERY && incoming.from() != null
                && EventCallback.parse(incoming.callbackData())
                .filter(press -> press.action() == EventCallback.Action.CARD
                        || press.action() == EventCallback.Action.ATTEND)
                .isPresent();
    }

    @Override
    public void handle(Incoming incoming, Replies replies) {
        var press = EventCallback.parse(incoming.callbackData()).orElseThrow();
        var event = events.find(press.eventId());
        if (event.isEmpty()) {
            replies.answerCallback("event.unknown");
            return;
        }
        var userId = incoming.telegramUserId();
        if (press.action() == EventCallback.Action.CARD) {
            replies.answerCallbackSilently();
            cards.sendCard(event.get(), replies, userId);
            return;
        }
        var attending = events.toggleAttendance(press.eventId(), userId);
        replies.answerCallback(attending ? "rsvp.on" : "rsvp.off", event.get().getTitle());
        if (incoming.messageId() != null) {
            replies.editPressedKeyboard(cards.keyboard(event.get(), replies.language(), userId));
        }
    }
}
