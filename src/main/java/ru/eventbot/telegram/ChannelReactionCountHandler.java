package ru.eventbot.telegram;

import java.util.LinkedHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.reactions.ReactionTypeEmoji;
import ru.eventbot.broadcast.ChannelPosts;
import ru.eventbot.feedback.FeedbackService;

/**
 * The anonymous reaction counts of a channel post ({@code message_reaction_count}): for one of our posts about an
 * event they become the event's channel reactions; anything else is only stored with the update.
 */
@Component
@Order(HandlerOrder.REACTION)
class ChannelReactionCountHandler implements UpdateHandler {

    private static final Logger log = LoggerFactory.getLogger(ChannelReactionCountHandler.class);

    private final ChannelPosts posts;
    private final FeedbackService feedback;

    ChannelReactionCountHandler(ChannelPosts posts, FeedbackService feedback) {
        this.posts = posts;
        this.feedback = feedback;
    }

    @Override
    public boolean handles(Incoming incoming) {
        return incoming.type() == UpdateType.MESSAGE_REACTION_COUNT && incoming.chatId() != null
                && incoming.messageId() != null;
    }

    @Override
    public void handle(Incoming incoming, Replies replies) {
        var event = posts.eventOf(incoming.chatId(), incoming.messageId()).orElse(null);
        if (event == null) {
            log.debug("Reaction counts for channel message {} in chat {}, which is not an announcement of ours",
                    incoming.messageId(), incoming.chatId());
            return;
        }
        var counts = new LinkedHashMap<String, Integer>();
        var reported = incoming.raw().getMessageReactionCount().getReactions();
        if (reported != null) {
            reported.stream().filter(count -> count.getType() instanceof ReactionTypeEmoji).forEach(count ->
                    counts.merge(((ReactionTypeEmoji) count.getType()).getEmoji(), count.getTotalCount(), Integer::sum));
        }
        feedback.recordChannelReactions(event, incoming.chatId(), incoming.messageId(), counts);
    }
}
