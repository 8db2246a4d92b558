package ru.eventbot.broadcast;

/** What became of one recipient's copy. UNCERTAIN: the bot stopped during the call to Telegram, so the copy may or may not have arrived; it is never sent again. */
public enum DeliveryState {
    PENDING, SENDING, SENT, FAILED, BLOCKED, UNCERTAIN, CANCELLED
}
