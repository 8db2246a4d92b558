package ru.eventbot.telegram;

import java.util.Locale;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.eventbot.broadcast.BroadcastService;
import ru.eventbot.event.EventDates;
import ru.eventbot.event.EventService;
import ru.eventbot.feedback.FeedbackService;
import ru.eventbot.participant.Organisers;

/** {@code /stats} for organisers: per current event, who was reached, likes, RSVPs, ratings and comments. */
@Component
@Order(HandlerOrder.COMMAND)
class StatsCommandHandler implements UpdateHandler {

    private final Organisers organisers;
    private final EventService events;
    private final FeedbackService feedback;
    private final BroadcastService broadcasts;
    private final EventDates dates;

    StatsCommandHandler(Organisers organisers, EventService events, FeedbackService feedback,
                        BroadcastService broadcasts, EventDates dates) {
        this.organisers = organisers;
        this.events = events;
        this.feedback = feedback;
        this.broadcasts = broadcasts;
        this.dates = dates;
    }

    @Override
    public boolean handles(Incoming incoming) {
        return incoming.isPrivateMessage() && incoming.isCommand("stats");
    }

    @Override
    public void handle(Incoming incoming, Replies replies) {
        if (!organisers.allows(incoming.telegramUserId(), "/stats")) {
            replies.send("announce.refused", incoming.telegramUserId());
            return;
        }
        var page = events.current(0);
        if (page.events().isEmpty()) {
            replies.send("events.none");
            return;
        }
        var text = new StringBuilder(replies.text("stats.title"));
        for (var event : page.events()) {
            var figures = feedback.summary(event.getId());
            var average = figures.averageRating() == null ? "—"
                    : String.format(Locale.ROOT, "%.1f", figures.averageRating());
            text.append("\n\n").append(replies.text("stats.event", event.getTitle(), dates.when(event, replies.language()),
                    broadcasts.reached(event.getId()), figures.likes(), events.attendeeCount(event.getId()),
                    average, figures.ratingCount(), figures.comments().size()));
        }
        replies.sendText(text.length() > 4096 ? text.substring(0, 4095) + "…" : text.toString(),
                ru.eventbot.conversation.Keyboard.none());
    }
}
