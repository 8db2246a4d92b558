package ru.eventbot.telegram;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.eventbot.broadcast.AnnouncementDraft;
import ru.eventbot.broadcast.AnnouncementDrafts;
import ru.eventbot.broadcast.Audience;
import ru.eventbot.broadcast.DraftOutOfStepException;
import ru.eventbot.event.EventService;
import ru.eventbot.participant.Organisers;

/** The buttons of {@code /announce}; the event they name must exist. */
@Component
@Order(HandlerOrder.BUTTON)
class AnnouncementButtonHandler extends OrganiserFlowButtonHandler {

    private final AnnouncementDrafts drafts;
    private final AnnouncementSteps steps;
    private final EventService events;

    AnnouncementButtonHandler(Organisers organisers, AnnouncementDrafts drafts, AnnouncementSteps steps,
                              EventService events) {
        super(organisers, "announcement button", AnnouncementSteps.PREFIX, "announce.expired");
        this.drafts = drafts;
        this.steps = steps;
        this.events = events;
    }

    @Override
    boolean press(Incoming incoming, String action, Replies replies) {
        var userId = incoming.telegramUserId();
        try {
            if (action.equals("cancel")) {
                drafts.discard(userId);
                replies.answerCallbackSilently();
                replies.send("announce.cancelled");
            } else if (action.equals("send")) {
                var broadcast = drafts.confirm(userId, incoming.chatId());
                replies.answerCallbackSilently();
                replies.send("announce.started", broadcast.getId());
            } else if (action.matches("ev:\\d{1,18}")) {
                var eventId = Long.parseLong(action.substring(3));
                if (eventId != 0 && events.find(eventId).isEmpty()) {
                    replies.answerCallback("event.unknown");
                    return true;
                }
                var draft = drafts.about(userId, eventId == 0 ? null : eventId);
                replies.answerCallbackSilently();
                if (draft.getStep() == AnnouncementDraft.Step.CONFIRM) {
                    steps.preview(replies, draft);
                } else {
                    steps.askAudience(replies, draft);
                }
            } else if (action.equals("au:ALL") || action.equals("au:EVENT_ATTENDEES")) {
                var draft = drafts.to(userId, Audience.valueOf(action.substring(3)));
                replies.answerCallbackSilently();
                steps.preview(replies, draft);
            } else {
                return false;
            }
            return true;
        } catch (DraftOutOfStepException e) {
            return false;
        }
    }
}
