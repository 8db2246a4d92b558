package ru.eventbot.telegram;

/**
 * One kind of update the bot understands. Handlers are asked in {@link org.springframework.core.annotation.Order}
 * and the first that {@link #handles} an update gets it; they run inside the transaction that marks the update
 * handled, so whatever they store and reply happens once or not at all.
 */
interface UpdateHandler {

    boolean handles(Incoming incoming);

    void handle(Incoming incoming, Replies replies);
}
