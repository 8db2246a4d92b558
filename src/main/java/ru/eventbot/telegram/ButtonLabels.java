package ru.eventbot.telegram;

/** Button labels short enough to read on a phone: longer ones end in an ellipsis. */
final class ButtonLabels {

    static final int MAX = 60;

    private ButtonLabels() {
    }

    static String shorten(String label) {
        return clip(label, MAX);
    }

    /** {@code text} within {@code max} characters, ending in an ellipsis when it had to be cut. */
    static String clip(String text, int max) {
        return text.length() > max ? text.substring(0, max - 1) + "…" : text;
    }
}
