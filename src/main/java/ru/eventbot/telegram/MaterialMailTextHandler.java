package ru.eventbot.telegram;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.eventbot.conversation.MessageKind;
import ru.eventbot.material.AwaitedMailReplies;
import ru.eventbot.material.MaterialMailService;

/** The participant's text while the bot waits for their e-mail address or the code sent to it. */
@Component
@Order(HandlerOrder.FREE_TEXT - 15)
class MaterialMailTextHandler implements UpdateHandler {

    private final MaterialMailService mail;
    private final AwaitedMailReplies awaited;
    private final MailReplies mailReplies;

    MaterialMailTextHandler(MaterialMailService mail, AwaitedMailReplies awaited, MailReplies mailReplies) {
        this.mail = mail;
        this.awaited = awaited;
        this.mailReplies = mailReplies;
    }

    @Override
    public boolean handles(Incoming incoming) {
        return incoming.isPrivateMessage() && incoming.command() == null && incoming.kind() == MessageKind.TEXT
                && awaited.isAwaited(incoming.telegramUserId());
    }

    @Override
    public void handle(Incoming incoming, Replies replies) {
        mailReplies.say(mail.reply(incoming.telegramUserId(), replies.language(), incoming.text()), replies);
    }
}
