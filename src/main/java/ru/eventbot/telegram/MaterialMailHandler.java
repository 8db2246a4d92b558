package ru.eventbot.telegram;

import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.eventbot.material.MailStep;
import ru.eventbot.material.MaterialMailService;

/**
 * ✉️ under a material ({@code mail:<material id>}): sends it to the participant's confirmed address, or starts
 * asking for one. Shown only when a mail server is configured; a forged or stale id gets an alert.
 */
@Component
@Order(HandlerOrder.BUTTON)
class MaterialMailHandler implements UpdateHandler {

    static final String PREFIX = "mail:";
    private static final Pattern FORMAT = Pattern.compile("mail:(\\d{1,18})");

    private final MaterialMailService mail;
    private final MailReplies mailReplies;

    MaterialMailHandler(MaterialMailService mail, MailReplies mailReplies) {
        this.mail = mail;
        this.mailReplies = mailReplies;
    }

    @Override
    public boolean handles(Incoming incoming) {
        return incoming.type() == UpdateType.CALLBACK_QUERY && incoming.from() != null && incoming.chatId() != null
                && incoming.callbackData() != null && FORMAT.matcher(incoming.callbackData()).matches();
    }

    @Override
    public void handle(Incoming incoming, Replies replies) {
        if (!mail.isAvailable()) {
            replies.answerCallback("button.stale");
            return;
        }
        var matcher = FORMAT.matcher(incoming.callbackData());
        matcher.matches();
        var step = mail.request(incoming.telegramUserId(), replies.language(), Long.parseLong(matcher.group(1)));
        if (step instanceof MailStep.MaterialGone) {
            replies.answerCallback("material.unknown");
            return;
        }
        replies.answerCallbackSilently();
        mailReplies.say(step, replies);
    }
}
