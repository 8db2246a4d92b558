package ru.eventbot.feedback;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An event's figures: participants' likes (buttons and reactions), the channel's anonymous reactions by emoji
 * (counted apart: they are not one per person), ratings, and every comment (hidden ones marked).
 */
public record EventFeedback(long eventId, int likes, int likesFromButtons, int likesFromReactions,
                            Map<String, Integer> channelReactions, int ratingCount, Double averageRating,
                            Map<String, Integer> histogram, List<Comment> comments) {

    /**
     * The same figures with every author replaced by a pseudonym ("participant 1", "participant 2", … in the order
     * they first commented), the same for one person throughout this copy and meaningless outside it.
     */
    public EventFeedback anonymised() {
        var pseudonyms = new HashMap<Long, String>();
        var anonymous = comments.stream().map(comment -> new Comment(comment.id(), comment.eventId(), 0,
                pseudonyms.computeIfAbsent(comment.authorId(), author -> "participant " + (pseudonyms.size() + 1)),
                comment.rating(), comment.text(), comment.hidden(), comment.likes(), comment.createdAt())).toList();
        return new EventFeedback(eventId, likes, likesFromButtons, likesFromReactions, channelReactions, ratingCount,
                averageRating, histogram, anonymous);
    }

    public int channelReactionTotal() {
        return channelReactions.values().stream().mapToInt(Integer::intValue).sum();
    }
}
