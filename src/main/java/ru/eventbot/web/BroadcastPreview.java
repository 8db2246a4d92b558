package ru.eventbot.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An announcement as Telegram shows a text sent without a parse mode: the text itself, never markup (the page
 * escapes every piece), line breaks kept, and the links, @usernames and #hashtags Telegram finds by itself.
 */
record BroadcastPreview(List<Piece> pieces, int length) {

    /** A piece of the text; {@code href} is set for the links Telegram makes clickable. */
    record Piece(String text, String href) {
    }

    private static final Pattern DETECTED = Pattern.compile(
            "(https?://[^\\s<>\"]+[^\\s<>\".,;:!?)\\]'])|(@[A-Za-z][A-Za-z0-9_]{4,31})|(#[\\p{L}\\p{N}_]+)");

    static BroadcastPreview of(String text) {
        var pieces = new ArrayList<Piece>();
        var matcher = DETECTED.matcher(text);
        var at = 0;
        while (matcher.find()) {
            if (matcher.start() > at) {
                pieces.add(new Piece(text.substring(at, matcher.start()), null));
            }
            var found = matcher.group();
            var href = matcher.group(1) != null ? found
                    : matcher.group(2) != null ? "https://t.me/" + found.substring(1) : null;
            pieces.add(new Piece(found, href));
            at = matcher.end();
        }
        if (at < text.length()) {
            pieces.add(new Piece(text.substring(at), null));
        }
        return new BroadcastPreview(pieces, text.length());
    }
}
