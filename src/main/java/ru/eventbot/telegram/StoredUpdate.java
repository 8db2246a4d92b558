package ru.eventbot.telegram;

import org.telegram.telegrambots.meta.api.objects.Update;

/** An update that is safely stored and waits to be handled, with the chat that decides its lane. */
record StoredUpdate(long updateId, Long chatId, Update update) {
}
