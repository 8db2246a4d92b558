package ru.eventbot.event;

/**
 * What makes event details acceptable. The limits keep an event's card (title, time, venue, description) within
 * one Telegram message of 4,096 characters and its buttons readable.
 */
final class EventRules {

    static final int TITLE = 200;
    static final int DESCRIPTION = 3000;
    static final int VENUE = 300;
    static final int TALKS = 50;
    static final int SPEAKER = 200;

    private EventRules() {
    }

    static void check(EventDetails details) {
        required(details.title(), "title");
        atMost(details.title(), TITLE, "title");
        atMost(details.description(), DESCRIPTION, "description");
        atMost(details.venue(), VENUE, "venue");
        if (details.startsAt() == null || details.endsAt() == null) {
            throw new InvalidEventException("startsAt and endsAt are required (ISO-8601 with an offset).");
        }
        if (!details.endsAt().isAfter(details.startsAt())) {
            throw new InvalidEventException("endsAt must be after startsAt.");
        }
        var talks = details.talks() == null ? java.util.List.<TalkDetails>of() : details.talks();
        if (talks.size() > TALKS) {
            throw new InvalidEventException("At most " + TALKS + " talks per event.");
        }
        for (int i = 0; i < talks.size(); i++) {
            var talk = talks.get(i);
            if (talk == null) {
                throw new InvalidEventException("talks[" + i + "] is empty.");
            }
            required(talk.title(), "talks[" + i + "].title");
            atMost(talk.title(), TITLE, "talks[" + i + "].title");
            atMost(talk.speaker(), SPEAKER, "talks[" + i + "].speaker");
        }
    }

    private static void required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException(field + " must not be empty.");
        }
    }

    private static void atMost(String value, int limit, String field) {
        if (value != null && value.length() > limit) {
            throw new InvalidEventException(field + " is " + value.length() + " characters long; at most " + limit
                    + " fit an event card.");
        }
    }
}
