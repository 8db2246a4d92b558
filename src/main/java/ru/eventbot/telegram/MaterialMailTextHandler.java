package ru.eventbot.telegram;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.eventbot.conversation.MessageKind;
import ru.eventbot.material.MaterialMailService;

/** The participant's text while the bot waits for their e-mail address or the code sent to it. */
@Component
@Order(HandlerOrder.FREE_TEXT - 15)
class MaterialMailTextHandler implements UpdateHandler {

    private final MaterialMailService mail;
    private final MailReplies mailReplies;

    MaterialMailTextHandler(MaterialMailService mail, MailReplies mailReplies) {
        this.mail = mail;
        this.mailReplies = mailReplies;
    }

    @Override
    public boolean handles(Incoming incoming) {
        return incoming.isPrivateMessage() && incoming.command() == null && incoming.kind() == MessageKind.TEXT
                && mail.isAwaitingReply(incoming.telegramUserId());
    }

    @Override
    public void handle(Incoming incoming, Replies replies) {
        mailReplies.say(mail.reply(incoming.telegramUserId(), replies.language(), incoming.text()), replies);
    }
}
