package ru.eventbot.broadcast;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Every few seconds ({@code eventbot.broadcast.check-interval}): starts scheduled broadcasts whose time has come
 * and sends due reminders and the questions after events. Each fires once: a scheduled broadcast leaves SCHEDULED when it starts, and a reminder's
 * key is unique.
 */
@Component
class BroadcastTimer {

    private static final Logger log = LoggerFactory.getLogger(BroadcastTimer.class);

    private final BroadcastService broadcasts;
    private final EventReminders reminders;
    private final FeedbackRequests feedbackRequests;
    private final TaskScheduler scheduler;
    private final BroadcastProperties properties;

    BroadcastTimer(BroadcastService broadcasts, EventReminders reminders, FeedbackRequests feedbackRequests,
                   TaskScheduler scheduler, BroadcastProperties properties) {
        this.feedbackRequests = feedbackRequests;
        this.broadcasts = broadcasts;
        this.reminders = reminders;
        this.scheduler = scheduler;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startTicking() {
        scheduler.scheduleWithFixedDelay(this::tick, properties.checkInterval());
    }

    void tick() {
        try {
            var started = broadcasts.startDue();
            if (started > 0) {
                log.info("{} scheduled broadcast(s) started", started);
            }
            reminders.sendDue();
            feedbackRequests.sendDue();
        } catch (RuntimeException e) {
            log.error("Checking for scheduled broadcasts and reminders failed; trying again shortly", e);
        }
    }
}
