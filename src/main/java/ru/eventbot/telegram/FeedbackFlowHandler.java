package ru.eventbot.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.eventbot.conversation.Button;
import ru.eventbot.conversation.Keyboard;
import ru.eventbot.event.EventService;
import ru.eventbot.feedback.FeedbackService;

/**
 * The feedback flow's buttons: 📝 on an event (asks for a rating), ⭐ 1 … ⭐ 5 (rates, then asks for a comment),
 * "Skip", and the choice of event after {@code /feedback}. A garbled or stale press gets a short alert and
 * changes nothing.
 */
@Component
@Order(HandlerOrder.BUTTON)
class FeedbackFlowHandler implements UpdateHandler {

    private static final Logger log = LoggerFactory.getLogger(FeedbackFlowHandler.class);

    private final FeedbackService feedback;
    private final EventService events;
    private final EventButtons buttons;

    FeedbackFlowHandler(FeedbackService feedback, EventService events, EventButtons buttons) {
        this.feedback = feedback;
        this.events = events;
        this.buttons = buttons;
    }

    @Override
    public boolean handles(Incoming incoming) {
        if (incoming.type() != UpdateType.CALLBACK_QUERY || incoming.from() == null) {
            return false;
        }
        return FeedbackCallback.looksLikeOne(incoming.callbackData()) || EventCallback.parse(incoming.callbackData())
                .filter(press -> press.action() == EventCallback.Action.FEEDBACK).isPresent();
    }

    @Override
    public void handle(Incoming incoming, Replies replies) {
        var userId = incoming.telegramUserId();
        var fromCard = EventCallback.parse(incoming.callbackData());
        if (fromCard.isPresent()) {
            askRating(fromCard.get().eventId(), replies);
            return;
        }
        var press = FeedbackCallback.parse(incoming.callbackData()).orElse(null);
        if (press == null || (press.action() == FeedbackCallback.Action.RATE && (press.stars() < 1 || press.stars() > 5))) {
            log.warn("Participant {} pressed a feedback button with data that is not ours ({} characters)", userId,
                    incoming.callbackData() == null ? 0 : incoming.callbackData().length());
            replies.answerCallback("feedback.rating.invalid");
            return;
        }
        switch (press.action()) {
            case PICK -> askRating(press.eventId(), replies);
            case SKIP -> {
                feedback.skipComment(userId);
                replies.answerCallbackSilently();
                replies.send("feedback.thanks");
            }
            case RATE -> {
                var event = events.find(press.eventId());
                if (event.isEmpty()) {
                    replies.answerCallback("event.unknown");
                    return;
                }
                var rated = feedback.rate(press.eventId(), userId, press.stars());
                replies.answerCallback("feedback.rated.short", press.stars());
                var skip = Keyboard.of(new Button(replies.text("feedback.skip"), FeedbackCallback.skip(press.eventId())));
                if (rated.previous() == null) {
                    replies.send(skip, "feedback.rated", rated.rating());
                } else {
                    replies.send(skip, "feedback.rerated", rated.rating(), rated.previous());
                }
            }
        }
    }

    private void askRating(long eventId, Replies replies) {
        var event = events.find(eventId);
        if (event.isEmpty()) {
            replies.answerCallback("event.unknown");
            return;
        }
        replies.answerCallbackSilently();
        replies.send(buttons.ratings(eventId), "feedback.ask", event.get().getTitle());
    }
}
