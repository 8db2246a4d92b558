package ru.eventbot.conversation;

/**
 * Life of an outgoing message. PENDING rows wait to be claimed; a claimed row is SENDING until Telegram answers.
 * A row still SENDING when the process died becomes UNCERTAIN at the next start and is never sent again:
 * a reply may be lost in that window, but it is never sent twice.
 */
public enum DeliveryStatus { PENDING, SENDING, SENT, FAILED, BLOCKED, UNCERTAIN }
