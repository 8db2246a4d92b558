package ru.eventbot.telegram;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.eventbot.conversation.MessageKind;
import ru.eventbot.feedback.CommentPrompts;
import ru.eventbot.feedback.CommentTooLongException;
import ru.eventbot.feedback.FeedbackService;

/** After a rating, the participant's next text message is its comment (before any other reading of free text). */
@Component
@Order(HandlerOrder.FREE_TEXT - 20)
class CommentCaptureHandler implements UpdateHandler {

    private final FeedbackService feedback;
    private final CommentPrompts prompts;

    CommentCaptureHandler(FeedbackService feedback, CommentPrompts prompts) {
        this.feedback = feedback;
        this.prompts = prompts;
    }

    @Override
    public boolean handles(Incoming incoming) {
        return incoming.isPrivateMessage() && incoming.command() == null && incoming.kind() == MessageKind.TEXT
                && incoming.text() != null && !incoming.text().isBlank()
                && prompts.awaitingComment(incoming.telegramUserId()).isPresent();
    }

    @Override
    public void handle(Incoming incoming, Replies replies) {
        try {
            feedback.comment(incoming.telegramUserId(), incoming.text());
            replies.send("feedback.thanks");
        } catch (CommentTooLongException e) {
            replies.send("feedback.comment.too.long", e.length());
        }
    }
}
