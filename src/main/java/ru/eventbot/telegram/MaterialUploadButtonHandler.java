package ru.eventbot.telegram;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.eventbot.event.EventService;
import ru.eventbot.material.MaterialDraft;
import ru.eventbot.material.MaterialDraftOutOfStepException;
import ru.eventbot.material.MaterialDrafts;
import ru.eventbot.participant.Organisers;

/** The buttons of publishing a material from Telegram; the event and talk they name must exist. */
@Component
@Order(HandlerOrder.BUTTON)
class MaterialUploadButtonHandler extends OrganiserFlowButtonHandler {

    private final MaterialDrafts drafts;
    private final MaterialUploadSteps steps;
    private final EventService events;

    MaterialUploadButtonHandler(Organisers organisers, MaterialDrafts drafts, MaterialUploadSteps steps,
                                EventService events) {
        super(organisers, "material upload button", MaterialUploadSteps.PREFIX, "material.upload.expired");
        this.drafts = drafts;
        this.steps = steps;
        this.events = events;
    }

    @Override
    boolean press(Incoming incoming, String action, Replies replies) {
        var userId = incoming.telegramUserId();
        try {
            if (action.equals("no")) {
                drafts.discard(userId);
                replies.answerCallbackSilently();
                replies.send("material.upload.cancelled");
            } else if (action.equals("ok")) {
                drafts.confirm(userId);
                replies.answerCallbackSilently();
                replies.send("material.upload.fetching");
            } else if (action.matches("ev:\\d{1,18}")) {
                var eventId = Long.parseLong(action.substring(3));
                if (events.find(eventId).isEmpty()) {
                    replies.answerCallback("event.unknown");
                    return true;
                }
                next(replies, drafts.about(userId, eventId));
            } else if (action.matches("tk:\\d{1,18}")) {
                var talkId = Long.parseLong(action.substring(3));
                next(replies, drafts.ofTalk(userId, talkId == 0 ? null : talkId));
            } else {
                return false;
            }
            return true;
        } catch (MaterialDraftOutOfStepException e) {
            return false;
        }
    }

    private void next(Replies replies, MaterialDraft draft) {
        replies.answerCallbackSilently();
        if (draft.getStep() == MaterialDraft.Step.TALK) {
            steps.askTalk(replies, draft);
        } else {
            steps.confirm(replies, draft);
        }
    }
}
