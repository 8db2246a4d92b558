package ru.eventbot.material;

import java.util.Locale;

/** Russian letters in Latin ones, the way names are usually spelt in passports and e-mail: Таисия → taisiya. */
final class Transliteration {

    private static final String CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
    private static final String[] LATIN = {"a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n",
            "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"};

    private Transliteration() {
    }

    static String toLatin(String text) {
        if (text == null) {
            return null;
        }
        var lower = text.toLowerCase(Locale.ROOT);
        var latin = new StringBuilder(lower.length() + 8);
        for (int i = 0; i < lower.length(); i++) {
            var c = lower.charAt(i);
            var index = CYRILLIC.indexOf(c);
            latin.append(index < 0 ? String.valueOf(c) : LATIN[index]);
        }
        return latin.toString();
    }
}
