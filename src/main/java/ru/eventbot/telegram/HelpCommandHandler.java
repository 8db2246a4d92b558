package ru.eventbot.telegram;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.eventbot.participant.Organisers;

/** {@code /help}: what the bot does; organisers also read what only they can do. */
@Component
@Order(HandlerOrder.COMMAND)
class HelpCommandHandler implements UpdateHandler {

    private final Organisers organisers;

    HelpCommandHandler(Organisers organisers) {
        this.organisers = organisers;
    }

    @Override
    public boolean handles(Incoming incoming) {
        return incoming.isPrivateMessage() && incoming.isCommand("help");
    }

    @Override
    public void handle(Incoming incoming, Replies replies) {
        replies.send("help.text");
        if (organisers.isOrganiser(incoming.telegramUserId())) {
            replies.send("help.organisers");
        }
    }
}
