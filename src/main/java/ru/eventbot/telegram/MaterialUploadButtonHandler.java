package ru.eventbot.telegram;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.eventbot.event.EventService;
import ru.eventbot.material.MaterialDraft;
import ru.eventbot.material.MaterialDraftOutOfStepException;
import ru.eventbot.material.MaterialDrafts;
import ru.eventbot.participant.Organisers;

/**
 * The buttons of publishing a material from Telegram. Callback data is untrusted: the presser must be an organiser
 * with a draft at the matching step, and the event and talk must exist; anything else is refused or called out as
 * expired, and nothing changes.
 */
@Component
@Order(HandlerOrder.BUTTON)
class MaterialUploadButtonHandler implements UpdateHandler {

    private final Organisers organisers;
    private final MaterialDrafts drafts;
    private final MaterialUploadSteps steps;
    private final EventService events;

    MaterialUploadButtonHandler(Organisers organisers, MaterialDrafts drafts, MaterialUploadSteps steps,
                                EventService events) {
        this.organisers = organisers;
        this.drafts = drafts;
        this.steps = steps;
        this.events = events;
    }

    @Override
    public boolean handles(Incoming incoming) {
        return incoming.type() == UpdateType.CALLBACK_QUERY && incoming.callbackData() != null
                && incoming.callbackData().startsWith(MaterialUploadSteps.PREFIX);
    }

    @Override
    public void handle(Incoming incoming, Replies replies) {
        var userId = incoming.telegramUserId();
        if (!organisers.allows(userId, "material upload button " + incoming.callbackData())) {
            replies.answerCallback("announce.refused", userId);
            return;
        }
        var action = incoming.callbackData().substring(MaterialUploadSteps.PREFIX.length());
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
                    return;
                }
                var draft = drafts.about(userId, eventId);
                replies.answerCallbackSilently();
                next(replies, draft);
            } else if (action.matches("tk:\\d{1,18}")) {
                var talkId = Long.parseLong(action.substring(3));
                var draft = drafts.ofTalk(userId, talkId == 0 ? null : talkId);
                replies.answerCallbackSilently();
                next(replies, draft);
            } else {
                replies.answerCallback("material.upload.expired");
            }
        } catch (MaterialDraftOutOfStepException e) {
            replies.answerCallback("material.upload.expired");
        }
    }

    private void next(Replies replies, MaterialDraft draft) {
        if (draft.getStep() == MaterialDraft.Step.TALK) {
            steps.askTalk(replies, draft);
        } else {
            steps.confirm(replies, draft);
        }
    }
}
