package ru.eventbot.fuzz;

import java.util.List;
import java.util.Random;

/**
 * Texts a participant could send, and some Telegram never would: commands of the bot with good and bad arguments,
 * material requests, right-to-left text, emoji sequences, zero-width and control characters, lone surrogates,
 * combining marks, and very long texts.
 */
final class FuzzedText {

    private static final List<String> PIECES = List.of(
            "Пришлите, пожалуйста, презентацию Таисии", "слайды Петровой", "материалы форума", "Taisia's slides",
            "Мероприятие удалось!", "спасибо", "مرحبا بالعالم", "שלום עולם", "\u202Eevil\u202C", "\u200B", "\u200D",
            "\uFEFF", "\u2066isolate\u2069", "👩‍👩‍👧‍👦", "👍🏽", "🇷🇺", "🏳️‍🌈", "e\u0301\u0301\u0301", "𝕏𝔸𝕄", "\u0000",
            "\u0007", "\r\n", "\t", "\\", "\"", "'; drop table participant; --", "<b>жирный</b>", "*bold* _it_",
            "%s %n {0} ${x}", "\ud800", "\udfff", "ℌ", "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǵ̗̩̾ȯ", "   ", "");

    private static final List<String> COMMANDS = List.of("/start", "/stop", "/help", "/events", "/materials",
            "/feedback", "/mydata", "/forget", "/announce", "/stats", "/unknown", "/start@eventbot", "/", "//start");

    private final Random random;
    private final List<Long> eventIds;

    FuzzedText(Random random, List<Long> eventIds) {
        this.random = random;
        this.eventIds = eventIds;
    }

    String next() {
        return switch (random.nextInt(10)) {
            case 0, 1 -> command();
            case 2 -> huge();
            default -> mixture(1 + random.nextInt(6));
        };
    }

    String command() {
        var command = pick(COMMANDS);
        return switch (random.nextInt(5)) {
            case 0 -> command + " event_" + pick(eventIds);
            case 1 -> command + " event_" + random.nextLong();
            case 2 -> command + " " + mixture(2);
            default -> command;
        };
    }

    private String huge() {
        var length = random.nextInt(4) == 0 ? 4097 + random.nextInt(12_000) : 1000 + random.nextInt(3096);
        var text = new StringBuilder(length + 16);
        while (text.length() < length) {
            text.append(pick(PIECES)).append(random.nextBoolean() ? " " : "");
        }
        return text.toString();
    }

    private String mixture(int parts) {
        var text = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            text.append(random.nextInt(4) == 0 ? randomCodePoints() : pick(PIECES));
            if (random.nextBoolean()) {
                text.append(' ');
            }
        }
        return text.toString();
    }

    private String randomCodePoints() {
        var text = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(12); i < n; i++) {
            int codePoint = random.nextInt(8) == 0 ? random.nextInt(0x110000) : random.nextInt(0x3000);
            if (Character.isValidCodePoint(codePoint)) {
                text.appendCodePoint(codePoint);
            }
        }
        return text.toString();
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
