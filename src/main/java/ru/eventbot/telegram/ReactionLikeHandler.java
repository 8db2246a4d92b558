package ru.eventbot.telegram;

import java.util.Optional;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.eventbot.broadcast.BroadcastService;
import ru.eventbot.conversation.ConversationService;
import ru.eventbot.feedback.FeedbackService;
import ru.eventbot.feedback.LikeSource;

/**
 * A 👍, ❤ or 🔥 reaction on one of the bot's messages about an event likes the event; taking it back unlikes it.
 * The event is found from the message: a broadcast's copy, or a card whose keyboard names it.
 */
@Component
@Order(HandlerOrder.REACTION)
class ReactionLikeHandler implements UpdateHandler {

    private static final Set<String> LIKING = Set.of("👍", "❤", "❤️", "🔥");

    private final FeedbackService feedback;
    private final BroadcastService broadcasts;
    private final ConversationService conversations;
    private final RecentCopies recentCopies;

    ReactionLikeHandler(FeedbackService feedback, BroadcastService broadcasts, ConversationService conversations,
                        RecentCopies recentCopies) {
        this.recentCopies = recentCopies;
        this.feedback = feedback;
        this.broadcasts = broadcasts;
        this.conversations = conversations;
    }

    @Override
    public boolean handles(Incoming incoming) {
        return incoming.type() == UpdateType.MESSAGE_REACTION && incoming.privateChat() && incoming.from() != null
                && incoming.messageId() != null && likes(incoming.reactions()) != likes(incoming.previousReactions());
    }

    @Override
    public void handle(Incoming incoming, Replies replies) {
        eventOf(incoming.chatId(), incoming.messageId()).ifPresent(eventId -> {
            if (likes(incoming.reactions())) {
                feedback.like(eventId, incoming.telegramUserId(), LikeSource.REACTION);
            } else {
                feedback.unlike(eventId, incoming.telegramUserId());
            }
        });
    }

    private Optional<Long> eventOf(long chatId, long messageId) {
        return recentCopies.eventOf(chatId, messageId)
                .or(() -> broadcasts.eventOfCopy(chatId, messageId))
                .or(() -> conversations.keyboardOfPrivateMessage(chatId, messageId)
                .flatMap(keyboard -> keyboard.rows().stream().flatMap(java.util.List::stream)
                        .map(button -> EventCallback.parse(button.data()))
                        .flatMap(Optional::stream)
                        .filter(press -> press.action() == EventCallback.Action.LIKE)
                        .map(EventCallback::eventId)
                        .findFirst()));
    }

    private static boolean likes(java.util.List<String> reactions) {
        return reactions != null && reactions.stream().anyMatch(LIKING::contains);
    }
}
