package ru.eventbot.telegram;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.eventbot.broadcast.AnnouncementDraft;
import ru.eventbot.broadcast.AnnouncementDrafts;
import ru.eventbot.broadcast.Audience;
import ru.eventbot.broadcast.DraftOutOfStepException;
import ru.eventbot.event.EventService;
import ru.eventbot.participant.Organisers;

/**
 * The buttons of {@code /announce}. Callback data is untrusted: the presser must be an organiser with a draft at
 * the matching step, and the event must exist; anything else is refused or called out as expired.
 */
@Component
@Order(HandlerOrder.BUTTON)
class AnnouncementButtonHandler implements UpdateHandler {

    private final Organisers organisers;
    private final AnnouncementDrafts drafts;
    private final AnnouncementSteps steps;
    private final EventService events;

    AnnouncementButtonHandler(Organisers organisers, AnnouncementDrafts drafts, AnnouncementSteps steps,
                              EventService events) {
        this.organisers = organisers;
        this.drafts = drafts;
        this.steps = steps;
        this.events = events;
    }

    @Override
    public boolean handles(Incoming incoming) {
        return incoming.type() == UpdateType.CALLBACK_QUERY && incoming.callbackData() != null
                && incoming.callbackData().startsWith(AnnouncementSteps.PREFIX);
    }

    @Override
    public void handle(Incoming incoming, Replies replies) {
        var userId = incoming.telegramUserId();
        if (!organisers.allows(userId, "announcement button " + incoming.callbackData())) {
            replies.answerCallback("announce.refused", userId);
            return;
        }
        var action = incoming.callbackData().substring(AnnouncementSteps.PREFIX.length());
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
                    return;
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
                replies.answerCallback("announce.expired");
            }
        } catch (DraftOutOfStepException e) {
            replies.answerCallback("announce.expired");
        }
    }
}
