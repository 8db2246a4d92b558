package ru.eventbot.telegram;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.eventbot.conversation.Button;
import ru.eventbot.conversation.Keyboard;
import ru.eventbot.event.Event;
import ru.eventbot.event.EventService;

/**
 * {@code /feedback}: rate an event that has started (the ones the participant attends first). One such event:
 * the rating buttons at once; several: which one?
 */
@Component
@Order(HandlerOrder.COMMAND)
class FeedbackCommandHandler implements UpdateHandler {

    private static final int OFFERED = 6;

    private final EventService events;
    private final EventButtons buttons;
    private final Clock clock;

    FeedbackCommandHandler(EventService events, EventButtons buttons, Clock clock) {
        this.events = events;
        this.buttons = buttons;
        this.clock = clock;
    }

    @Override
    public boolean handles(Incoming incoming) {
        return incoming.isPrivateMessage() && incoming.isCommand("feedback");
    }

    @Override
    public void handle(Incoming incoming, Replies replies) {
        var now = clock.instant();
        var userId = incoming.telegramUserId();
        var started = new ArrayList<Event>(events.current(0).events().stream()
                .filter(event -> !event.getStartsAt().isAfter(now)).toList());
        started.sort((a, b) -> Boolean.compare(events.isAttending(b.getId(), userId),
                events.isAttending(a.getId(), userId)));
        if (started.isEmpty()) {
            replies.send("feedback.nothing");
        } else if (started.size() == 1) {
            replies.send(buttons.ratings(started.get(0).getId()), "feedback.ask", started.get(0).getTitle());
        } else {
            List<List<Button>> rows = started.stream().limit(OFFERED)
                    .map(event -> List.of(new Button(ButtonLabels.shorten(event.getTitle()),
                            FeedbackCallback.pick(event.getId()))))
                    .toList();
            replies.send(new Keyboard(rows), "feedback.choose");
        }
    }
}
