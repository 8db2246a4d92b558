package ru.eventbot.conversation;

import java.util.List;

/** Rows of inline buttons under a message, free of any Telegram types. */
public record Keyboard(List<List<Button>> rows) {

    public static Keyboard none() {
        return new Keyboard(List.of());
    }

    public static Keyboard of(Button... row) {
        return new Keyboard(List.of(List.of(row)));
    }

    public boolean isEmpty() {
        return rows == null || rows.isEmpty();
    }
}
