package ru.eventbot.telegram;

import java.util.Optional;
import java.util.regex.Pattern;

/** A press on a material's button: {@code mat:<material id>} sends that material. Untrusted input, parsed here. */
record MaterialCallback(long materialId) {

    private static final Pattern FORMAT = Pattern.compile("mat:(\\d{1,18})");

    static String data(long materialId) {
        return "mat:" + materialId;
    }

    static Optional<MaterialCallback> parse(String data) {
        if (data == null) {
            return Optional.empty();
        }
        var matcher = FORMAT.matcher(data);
        return matcher.matches() ? Optional.of(new MaterialCallback(Long.parseLong(matcher.group(1))))
                : Optional.empty();
    }
}
