package ru.eventbot.feedback;

/** A rating given: {@code previous} is the one it replaced, or null for a first rating. */
public record Rated(int rating, Integer previous) {
}
