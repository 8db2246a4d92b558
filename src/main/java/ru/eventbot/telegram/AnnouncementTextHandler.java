package ru.eventbot.telegram;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.eventbot.broadcast.AnnouncementDraft;
import ru.eventbot.broadcast.AnnouncementDrafts;
import ru.eventbot.broadcast.InvalidBroadcastException;
import ru.eventbot.conversation.MessageKind;
import ru.eventbot.participant.Organisers;

/** The organiser's next message after {@code /announce} is the announcement's text, formatting kept. */
@Component
@Order(HandlerOrder.FREE_TEXT - 10)
class AnnouncementTextHandler implements UpdateHandler {

    private final Organisers organisers;
    private final AnnouncementDrafts drafts;
    private final AnnouncementSteps steps;

    AnnouncementTextHandler(Organisers organisers, AnnouncementDrafts drafts, AnnouncementSteps steps) {
        this.organisers = organisers;
        this.drafts = drafts;
        this.steps = steps;
    }

    @Override
    public boolean handles(Incoming incoming) {
        return incoming.isPrivateMessage() && incoming.command() == null
                && organisers.isOrganiser(incoming.telegramUserId())
                && drafts.find(incoming.telegramUserId())
                        .filter(draft -> draft.getStep() == AnnouncementDraft.Step.TEXT).isPresent();
    }

    @Override
    public void handle(Incoming incoming, Replies replies) {
        var text = incoming.kind() == MessageKind.TEXT ? incoming.text() : null;
        if (text == null || text.isBlank()) {
            replies.send(steps.cancelOnly(replies.language()), "announce.text.empty");
            return;
        }
        if (text.length() > 4096) {
            replies.send(steps.cancelOnly(replies.language()), "announce.text.too.long", text.length());
            return;
        }
        var message = incoming.raw().getMessage();
        try {
            drafts.write(incoming.telegramUserId(), text, TextEntities.fromTelegram(IncomingFactory.entitiesOf(message)));
        } catch (InvalidBroadcastException e) {
            replies.send(steps.cancelOnly(replies.language()), "announce.text.empty");
            return;
        }
        steps.askEvent(replies);
    }
}
