package ru.eventbot.telegram;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.eventbot.broadcast.AnnouncementDrafts;
import ru.eventbot.participant.Organisers;

/** {@code /announce}: an organiser starts composing a broadcast; anyone else is politely refused. */
@Component
@Order(HandlerOrder.COMMAND)
class AnnounceCommandHandler implements UpdateHandler {

    private final Organisers organisers;
    private final AnnouncementDrafts drafts;
    private final AnnouncementSteps steps;

    AnnounceCommandHandler(Organisers organisers, AnnouncementDrafts drafts, AnnouncementSteps steps) {
        this.organisers = organisers;
        this.drafts = drafts;
        this.steps = steps;
    }

    @Override
    public boolean handles(Incoming incoming) {
        return incoming.isPrivateMessage() && incoming.isCommand("announce");
    }

    @Override
    public void handle(Incoming incoming, Replies replies) {
        if (!organisers.allows(incoming.telegramUserId(), "/announce")) {
            replies.send("announce.refused", incoming.telegramUserId());
            return;
        }
        drafts.begin(incoming.telegramUserId());
        replies.send(steps.cancelOnly(replies.language()), "announce.ask.text");
    }
}
