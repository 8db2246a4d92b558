package ru.eventbot.feedback;

import java.util.List;
import java.util.Map;

/**
 * An event's figures: participants' likes (buttons and reactions), the channel's anonymous reactions by emoji
 * (counted apart: they are not one per person), ratings, and every comment (hidden ones marked).
 */
public record EventFeedback(long eventId, int likes, int likesFromButtons, int likesFromReactions,
                            Map<String, Integer> channelReactions, int ratingCount, Double averageRating,
                            Map<String, Integer> histogram, List<Comment> comments) {

    public int channelReactionTotal() {
        return channelReactions.values().stream().mapToInt(Integer::intValue).sum();
    }
}
