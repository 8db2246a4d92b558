package ru.eventbot.telegram;

import java.util.HashMap;
import java.util.Locale;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.eventbot.broadcast.BroadcastService;
import ru.eventbot.conversation.Keyboard;
import ru.eventbot.event.EventDates;
import ru.eventbot.event.EventService;
import ru.eventbot.feedback.FeedbackService;
import ru.eventbot.material.MaterialRequests;
import ru.eventbot.participant.Organisers;

/**
 * {@code /stats} for organisers: per current event, who was reached, likes, RSVPs, ratings and comments; what
 * participants are still waiting for; then the rating histograms of the events rated so far, as pictures.
 */
@Component
@Order(HandlerOrder.COMMAND)
class StatsCommandHandler implements UpdateHandler {

    private static final int WAITING_SHOWN = 10;
    /** Pictures after the figures, of the events rated most recently: what is being rated now, without flooding. */
    private static final int CHARTS_SENT = 3;
    private static final int CAPTION = 1024;

    private final Organisers organisers;
    private final EventService events;
    private final FeedbackService feedback;
    private final BroadcastService broadcasts;
    private final EventDates dates;
    private final MaterialRequests requests;

    StatsCommandHandler(Organisers organisers, EventService events, FeedbackService feedback,
                        BroadcastService broadcasts, EventDates dates, MaterialRequests requests) {
        this.organisers = organisers;
        this.events = events;
        this.feedback = feedback;
        this.broadcasts = broadcasts;
        this.dates = dates;
        this.requests = requests;
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
        var rated = new HashMap<Long, Rated>();
        for (var event : page.events()) {
            var figures = feedback.summary(event.getId());
            var average = figures.averageRating() == null ? "—"
                    : String.format(Locale.ROOT, "%.1f", figures.averageRating());
            text.append("\n\n").append(replies.text("stats.event", event.getTitle(), dates.when(event, replies.language()),
                    broadcasts.reached(event.getId()), figures.likes(), events.attendeeCount(event.getId()),
                    average, figures.ratingCount(), figures.comments().size()));
            if (figures.channelReactionTotal() > 0) {
                var reactions = new StringBuilder();
                figures.channelReactions().forEach((emoji, count) -> reactions.append(' ').append(emoji).append(' ')
                        .append(count));
                text.append('\n').append(replies.text("stats.channel", reactions.toString().strip()));
            }
            if (figures.ratingCount() > 0) {
                rated.put(event.getId(), new Rated(event.getId(), event.getTitle(), average, figures.ratingCount()));
            }
        }
        var waiting = requests.waiting();
        if (!waiting.isEmpty()) {
            text.append("\n\n").append(replies.text("stats.waiting.title"));
            waiting.stream().limit(WAITING_SHOWN).forEach(group -> text.append("\n")
                    .append(replies.text("stats.waiting.line", group.words(), group.waiting())));
        }
        replies.sendText(ButtonLabels.clip(text.toString(), 4096), Keyboard.none());
        feedback.mostRecentlyRated(rated.keySet(), CHARTS_SENT).stream().map(rated::get).forEach(event ->
                replies.sendChart(event.id(), ButtonLabels.clip(replies.text("stats.chart.caption", event.title(),
                        event.average(), event.count()), CAPTION)));
    }

    private record Rated(long id, String title, String average, int count) {
    }
}
