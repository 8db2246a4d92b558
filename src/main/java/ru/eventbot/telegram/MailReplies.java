package ru.eventbot.telegram;

import org.springframework.stereotype.Component;
import ru.eventbot.material.MailStep;

/** What the participant reads at each step of getting a material by e-mail. */
@Component
class MailReplies {

    void say(MailStep step, Replies replies) {
        if (step instanceof MailStep.Sending sending) {
            replies.send("mail.sending", sending.maskedAddress(), sending.title());
        } else if (step instanceof MailStep.AskAddress) {
            replies.send("mail.ask.address");
        } else if (step instanceof MailStep.InvalidAddress) {
            replies.send("mail.invalid.address");
        } else if (step instanceof MailStep.CodeSent sent) {
            replies.send("mail.code.sent", sent.maskedAddress());
        } else if (step instanceof MailStep.WrongCode wrong) {
            replies.send("mail.code.wrong", wrong.triesLeft());
        } else if (step instanceof MailStep.CodeRejected) {
            replies.send("mail.code.rejected");
        } else if (step instanceof MailStep.Cancelled) {
            replies.send("mail.cancelled");
        } else {
            replies.send("material.unknown");
        }
    }
}
