package ru.eventbot.telegram;

/** Where handlers stand in the routing order: commands before buttons before free text, fallbacks last. */
final class HandlerOrder {

    static final int COMMAND = 100;
    static final int BUTTON = 200;
    static final int REACTION = 300;
    static final int MEMBER_STATUS = 300;
    static final int FREE_TEXT = 800;
    static final int FALLBACK = 1000;

    private HandlerOrder() {
    }
}
