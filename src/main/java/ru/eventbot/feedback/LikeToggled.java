package ru.eventbot.feedback;

/** The result of a press on 👍: whether the participant likes it now, and how many do. */
public record LikeToggled(boolean liked, int count) {
}
