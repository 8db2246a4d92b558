package ru.eventbot.telegram;

import java.util.Optional;
import java.util.regex.Pattern;

/** A press on an event's button: {@code ev:like:42}. Anything else that starts with {@code ev:} is not one. */
record EventCallback(Action action, long eventId) {

    enum Action {
        LIKE("like"), FEEDBACK("fb"), MATERIALS("mat"), ATTEND("go"), CARD("card"), COMMENTS("cm");

        private final String code;

        Action(String code) {
            this.code = code;
        }
    }

    private static final Pattern FORMAT = Pattern.compile("ev:([a-z]{2,4}):(\\d{1,18})");

    static String data(Action action, long eventId) {
        return "ev:" + action.code + ":" + eventId;
    }

    static Optional<EventCallback> parse(String data) {
        if (data == null) {
            return Optional.empty();
        }
        var matcher = FORMAT.matcher(data);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        for (var action : Action.values()) {
            if (action.code.equals(matcher.group(1))) {
                return Optional.of(new EventCallback(action, Long.parseLong(matcher.group(2))));
            }
        }
        return Optional.empty();
    }
}
