package ru.eventbot.telegram;

import org.telegram.telegrambots.meta.api.objects.Update;

/** An update as getUpdates returned it: the object, and its JSON exactly as Telegram sent it (what is stored). */
record ReceivedUpdate(Update update, String json) {
}
