package ru.eventbot.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import java.time.Instant;

/** A participant's rating of an event (1–5), with the comment they may add; one per participant and event. */
@Entity
class EventRating {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "event_rating_seq")
    @SequenceGenerator(name = "event_rating_seq", sequenceName = "event_rating_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private long eventId;

    @Column(nullable = false)
    private long telegramUserId;

    private int rating;
    private String comment;
    private boolean commentHidden;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    protected EventRating() {
    }

    static EventRating first(long eventId, long telegramUserId, int rating, Instant now) {
        var given = new EventRating();
        given.eventId = eventId;
        given.telegramUserId = telegramUserId;
        given.createdAt = now;
        given.rerate(rating, now);
        return given;
    }

    void rerate(int rating, Instant now) {
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException("A rating is 1 to 5, not " + rating);
        }
        this.rating = rating;
        this.updatedAt = now;
    }

    void comment(String text, Instant now) {
        if (text.length() > FeedbackService.MAX_COMMENT) {
            throw new CommentTooLongException(text.length());
        }
        this.comment = text;
        this.commentHidden = false;
        this.updatedAt = now;
    }

    void hideComment(boolean hidden) {
        this.commentHidden = hidden;
    }

    Long getId() {
        return id;
    }

    long getEventId() {
        return eventId;
    }

    int getRating() {
        return rating;
    }
}
