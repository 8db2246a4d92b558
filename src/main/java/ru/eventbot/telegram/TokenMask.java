package ru.eventbot.telegram;

import java.util.regex.Pattern;

/**
 * Masks bot tokens in texts that reach logs or the database: an error page or an exception can quote the request
 * URL, {@code /bot<token>/<method>}. The log pattern in {@code config/application.yml} masks the same shape again,
 * for what other libraries log.
 */
final class TokenMask {

    private static final Pattern TOKEN = Pattern.compile("[0-9]{5,}:[A-Za-z0-9_-]{20,}");

    private TokenMask() {
    }

    static String mask(String text) {
        return text == null ? null : TOKEN.matcher(text).replaceAll("<token>");
    }
}
