package ru.eventbot.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import ru.eventbot.feedback.Comment;
import ru.eventbot.feedback.EventFeedback;

/**
 * An event's feedback in the API: {@code likes} from buttons and reactions together (and apart), the channel's
 * anonymous reactions apart, the ratings' count, average and histogram, and every comment, hidden ones marked.
 */
record FeedbackView(long eventId, int likes, int likesFromButtons, int likesFromReactions,
                    ChannelReactions channelReactions, Ratings ratings, List<CommentView> comments) {

    record ChannelReactions(int total, Map<String, Integer> byEmoji) {
    }

    record Ratings(int count, Double average, Map<String, Integer> histogram) {
    }

    record CommentView(long id, String author, int rating, String text, Instant createdAt, int likes,
                       boolean hidden) {

        static CommentView of(Comment comment) {
            return new CommentView(comment.id(), comment.author(), comment.rating(), comment.text(),
                    comment.createdAt(), comment.likes(), comment.hidden());
        }
    }

    static FeedbackView of(EventFeedback feedback) {
        return new FeedbackView(feedback.eventId(), feedback.likes(), feedback.likesFromButtons(),
                feedback.likesFromReactions(), new ChannelReactions(feedback.channelReactionTotal(),
                feedback.channelReactions()), new Ratings(feedback.ratingCount(), feedback.averageRating(),
                feedback.histogram()), feedback.comments().stream().map(CommentView::of).toList());
    }
}
