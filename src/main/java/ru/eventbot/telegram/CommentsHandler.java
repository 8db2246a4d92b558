package ru.eventbot.telegram;

import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.eventbot.event.EventService;
import ru.eventbot.feedback.CommentNotFoundException;
import ru.eventbot.feedback.FeedbackService;
import ru.eventbot.participant.Organisers;

/** 💬 on a card opens an event's comments; their ◀ ▶, 👍 and (for organisers) 🙈 buttons. */
@Component
@Order(HandlerOrder.BUTTON)
class CommentsHandler implements UpdateHandler {

    private static final Logger log = LoggerFactory.getLogger(CommentsHandler.class);
    private static final Pattern PAGE = Pattern.compile("cm:p:(\\d{1,18}):(\\d{1,5})");
    private static final Pattern ACT = Pattern.compile("cm:([lh]):(\\d{1,18}):(\\d{1,18}):(\\d{1,5})");

    private final EventService events;
    private final FeedbackService feedback;
    private final CommentsView view;
    private final Organisers organisers;

    CommentsHandler(EventService events, FeedbackService feedback, CommentsView view, Organisers organisers) {
        this.events = events;
        this.feedback = feedback;
        this.view = view;
        this.organisers = organisers;
    }

    @Override
    public boolean handles(Incoming incoming) {
        if (incoming.type() != UpdateType.CALLBACK_QUERY || incoming.from() == null) {
            return false;
        }
        var data = incoming.callbackData();
        return data != null && data.startsWith(CommentsView.PREFIX) || EventCallback.parse(data)
                .filter(press -> press.action() == EventCallback.Action.COMMENTS).isPresent();
    }

    @Override
    public void handle(Incoming incoming, Replies replies) {
        var data = incoming.callbackData();
        var userId = incoming.telegramUserId();
        var organiser = organisers.isOrganiser(userId);
        var open = EventCallback.parse(data);
        if (open.isPresent()) {
            show(open.get().eventId(), 0, replies, organiser, false);
            return;
        }
        var page = PAGE.matcher(data);
        if (page.matches()) {
            show(Long.parseLong(page.group(1)), Integer.parseInt(page.group(2)), replies, organiser, true);
            return;
        }
        var act = ACT.matcher(data);
        if (!act.matches()) {
            log.warn("Participant {} pressed a comments button with data that is not ours ({} characters)", userId,
                    data.length());
            replies.answerCallback("button.stale");
            return;
        }
        var eventId = Long.parseLong(act.group(2));
        var commentId = Long.parseLong(act.group(3));
        var pageNumber = Integer.parseInt(act.group(4));
        try {
            if (act.group(1).equals("l")) {
                var toggled = feedback.toggleCommentLike(commentId, userId);
                replies.answerCallback(toggled.liked() ? "comment.like.on" : "comment.like.off");
            } else if (organisers.allows(userId, "hide comment " + commentId)) {
                feedback.hideComment(eventId, commentId, true);
                replies.answerCallback("comment.hidden");
            } else {
                replies.answerCallback("announce.refused", userId);
                return;
            }
        } catch (CommentNotFoundException e) {
            replies.answerCallback("comment.unknown");
            return;
        }
        events.find(eventId).ifPresent(event -> {
            var shown = view.page(event, pageNumber, replies.language(), organiser);
            replies.editPressed(shown.text(), shown.keyboard());
        });
    }

    private void show(long eventId, int pageNumber, Replies replies, boolean organiser, boolean inPlace) {
        var event = events.find(eventId);
        if (event.isEmpty()) {
            replies.answerCallback("event.unknown");
            return;
        }
        replies.answerCallbackSilently();
        var page = view.page(event.get(), pageNumber, replies.language(), organiser);
        if (inPlace) {
            replies.editPressed(page.text(), page.keyboard());
        } else {
            replies.sendText(page.text(), page.keyboard());
        }
    }
}
