package ru.eventbot.telegram;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.eventbot.participant.ParticipantService;

/** {@code my_chat_member} in a private chat: the person blocked ("kicked") or unblocked ("member") the bot. */
@Component
@Order(HandlerOrder.MEMBER_STATUS)
class BotMembershipHandler implements UpdateHandler {

    private final ParticipantService participants;

    BotMembershipHandler(ParticipantService participants) {
        this.participants = participants;
    }

    @Override
    public boolean handles(Incoming incoming) {
        return incoming.type() == UpdateType.MY_CHAT_MEMBER && incoming.privateChat() && incoming.from() != null;
    }

    @Override
    public void handle(Incoming incoming, Replies replies) {
        if ("kicked".equals(incoming.memberStatus())) {
            participants.markBlocked(incoming.telegramUserId());
        } else if ("member".equals(incoming.memberStatus())) {
            participants.markUnblocked(incoming.telegramUserId());
        }
    }
}
