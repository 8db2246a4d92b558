package ru.eventbot.telegram;

import java.util.List;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import ru.eventbot.conversation.Keyboard;

/** Turns the features' plain keyboards into Telegram's inline keyboards. */
final class Keyboards {

    private Keyboards() {
    }

    static InlineKeyboardMarkup toMarkup(Keyboard keyboard) {
        if (keyboard == null || keyboard.isEmpty()) {
            return null;
        }
        List<InlineKeyboardRow> rows = keyboard.rows().stream()
                .map(row -> new InlineKeyboardRow(row.stream()
                        .map(button -> InlineKeyboardButton.builder()
                                .text(button.label())
                                .callbackData(button.data())
                                .build())
                        .toList()))
                .toList();
        return new InlineKeyboardMarkup(rows);
    }
}
