package ru.eventbot.telegram;

/** Button labels short enough to read on a phone: longer ones end in an ellipsis. */
final class ButtonLabels {

    static final int MAX = 60;

    private ButtonLabels() {
    }

    static String shorten(String label) {
        return label.length() > MAX ? label.substring(0, MAX - 1) + "…" : label;
    }
}
