package ru.eventbot.telegram;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.eventbot.conversation.Button;
import ru.eventbot.conversation.Keyboard;
import ru.eventbot.participant.ParticipantService;

/**
 * {@code /forget}: after a confirmation button, the participant's personal data is erased (see
 * {@link ru.eventbot.participant.ParticipantForgotten}); the figures they contributed to stay correct.
 */
@Component
@Order(HandlerOrder.COMMAND)
class ForgetHandler implements UpdateHandler {

    static final String CONFIRM = "pd:forget";
    static final String KEEP = "pd:keep";

    private final ParticipantService participants;

    ForgetHandler(ParticipantService participants) {
        this.participants = participants;
    }

    @Override
    public boolean handles(Incoming incoming) {
        if (incoming.from() == null) {
            return false;
        }
        return incoming.isPrivateMessage() && incoming.isCommand("forget")
                || incoming.type() == UpdateType.CALLBACK_QUERY
                && (CONFIRM.equals(incoming.callbackData()) || KEEP.equals(incoming.callbackData()));
    }

    @Override
    public void handle(Incoming incoming, Replies replies) {
        if (incoming.type() != UpdateType.CALLBACK_QUERY) {
            replies.send(Keyboard.of(new Button(replies.text("forget.confirm"), CONFIRM),
                    new Button(replies.text("forget.keep"), KEEP)), "forget.ask");
            return;
        }
        if (!java.util.Objects.equals(incoming.chatId(), incoming.telegramUserId())) {
            // The confirmation lies in the participant's own chat; a press from elsewhere is forged (and would be
            // handled in another chat's lane, concurrently with the participant's own messages).
            replies.answerCallback("button.stale");
            return;
        }
        replies.answerCallbackSilently();
        if (KEEP.equals(incoming.callbackData())) {
            replies.send("forget.kept");
            return;
        }
        participants.forget(incoming.telegramUserId());
        replies.forgetOwner();
        replies.send("forget.done");
    }
}
