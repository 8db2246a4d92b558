package ru.eventbot.broadcast;

import java.time.Duration;
import org.slf4j.Logger;
import ru.eventbot.fleet.Fleet;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Every few seconds ({@code eventbot.broadcast.check-interval}): starts scheduled broadcasts whose time has come
 * and sends due reminders and the questions after events. Each fires once: a scheduled broadcast leaves SCHEDULED when it starts, and a reminder's
 * key is unique. In a fleet the check runs on one instance at a time (a ShedLock lock in the database).
 */
@Component
class BroadcastTimer {

    private static final Logger log = LoggerFactory.getLogger(BroadcastTimer.class);

    private final BroadcastService broadcasts;
    private final EventReminders reminders;
    private final FeedbackRequests feedbackRequests;
    private final TaskScheduler scheduler;
    private final BroadcastProperties properties;
    private final Fleet fleet;

    BroadcastTimer(BroadcastService broadcasts, EventReminders reminders, FeedbackRequests feedbackRequests,
                   TaskScheduler scheduler, BroadcastProperties properties, Fleet fleet) {
        this.fleet = fleet;
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
            fleet.once("broadcast-timer", properties.checkInterval().dividedBy(2), Duration.ofMinutes(5), this::check);
        } catch (RuntimeException e) {
            log.error("Checking for scheduled broadcasts and reminders failed; trying again shortly", e);
        }
    }

    private void check() {
        var started = broadcasts.startDue();
        if (started > 0) {
            log.info("{} scheduled broadcast(s) started", started);
        }
        reminders.sendDue();
        feedbackRequests.sendDue();
    }
}
