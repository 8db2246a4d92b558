package ru.eventbot.telegram;

import java.util.function.BiConsumer;

/** Handlers for tests: one that takes the texts containing a word and does what the test needs with them. */
final class TextHandlers {

    private TextHandlers() {
    }

    static UpdateHandler containing(String word, BiConsumer<Incoming, Replies> handling) {
        return new UpdateHandler() {
            @Override
            public boolean handles(Incoming incoming) {
                return incoming.text() != null && incoming.text().contains(word);
            }

            @Override
            public void handle(Incoming incoming, Replies replies) {
                handling.accept(incoming, replies);
            }
        };
    }
}
