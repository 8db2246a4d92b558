package ru.eventbot.feedback;

/** An event's engagement in short: likes, ratings, and their average (null without ratings). */
public record EventFigures(int likes, int ratings, Double averageRating) {

    public static final EventFigures NONE = new EventFigures(0, 0, null);
}
