package ru.eventbot.testsupport.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An update waiting in the queue, serialized once when enqueued.
 *
 * @param type   the update's payload field, e.g. {@code message} or {@code callback_query}
 * @param chatId the chat it belongs to, 0 if none
 */
record StoredUpdate(long updateId, String type, long chatId, ObjectNode json, byte[] bytes) {
}
