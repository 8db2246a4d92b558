package ru.eventbot.feedback;

import java.util.List;
import java.util.Map;

/** An event's figures: likes (buttons and reactions), ratings, and every comment (hidden ones marked). */
public record EventFeedback(long eventId, int likes, int likesFromButtons, int likesFromReactions, int ratingCount,
                            Double averageRating, Map<String, Integer> histogram, List<Comment> comments) {
}
