package ru.eventbot.feedback;

import java.time.LocalDate;

/** How many likes an event got on one day. */
public record DailyLikes(LocalDate day, int likes) {
}
