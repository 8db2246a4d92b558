package ru.eventbot.event;

import java.time.Instant;

/** An event's time or place changed: its attendees are to be told what changed. */
public record EventChanged(long eventId, Snapshot before, Snapshot after) {

    public record Snapshot(Instant startsAt, Instant endsAt, String venue) {
    }

    public boolean timeChanged() {
        return !before.startsAt().equals(after.startsAt()) || !before.endsAt().equals(after.endsAt());
    }

    public boolean venueChanged() {
        return !java.util.Objects.equals(before.venue(), after.venue());
    }
}
