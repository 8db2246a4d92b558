package ru.eventbot.telegram;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Presses in the feedback flow: {@code fb:r:<event>:<stars>} rates, {@code fb:s:<event>} skips the comment,
 * {@code fb:e:<event>} picks the event to rate. Untrusted input: anything else is not one of ours.
 */
record FeedbackCallback(Action action, long eventId, int stars) {

    enum Action {
        RATE, SKIP, PICK
    }

    private static final Pattern FORMAT = Pattern.compile("fb:(r|s|e):(\\d{1,18})(?::(\\d{1,2}))?");

    static String rate(long eventId, int stars) {
        return "fb:r:" + eventId + ":" + stars;
    }

    static String skip(long eventId) {
        return "fb:s:" + eventId;
    }

    static String pick(long eventId) {
        return "fb:e:" + eventId;
    }

    static boolean looksLikeOne(String data) {
        return data != null && data.startsWith("fb:");
    }

    static Optional<FeedbackCallback> parse(String data) {
        if (data == null) {
            return Optional.empty();
        }
        var matcher = FORMAT.matcher(data);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        var eventId = Long.parseLong(matcher.group(2));
        return switch (matcher.group(1)) {
            case "r" -> matcher.group(3) == null ? Optional.empty()
                    : Optional.of(new FeedbackCallback(Action.RATE, eventId, Integer.parseInt(matcher.group(3))));
            case "s" -> matcher.group(3) == null ? Optional.of(new FeedbackCallback(Action.SKIP, eventId, 0))
                    : Optional.empty();
            default -> matcher.group(3) == null ? Optional.of(new FeedbackCallback(Action.PICK, eventId, 0))
                    : Optional.empty();
        };
    }
}
