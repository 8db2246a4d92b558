package ru.eventbot.event;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param defaultTimeZone where events happen unless the organiser names a zone: dates are shown in it
 * @param reminders       how long before an event starts its attendees are reminded, each once
 * @param reminderGrace   how late a reminder may still go out when the bot was down at its moment
 * @param listedAfterEnd  how long after its end an event still appears in {@code /events}
 * @param pageSize        events per page in {@code /events}
 * @param feedbackWithin  how long after an event ends its attendees are still asked, once, how it was
 */
@ConfigurationProperties("eventbot.events")
public record EventProperties(@DefaultValue("Europe/Moscow") ZoneId defaultTimeZone,
                              @DefaultValue({"24h", "1h"}) List<Duration> reminders,
                              @DefaultValue("30m") Duration reminderGrace,
                              @DefaultValue("30d") Duration listedAfterEnd,
                              @DefaultValue("5") int pageSize,
                              @DefaultValue("12h") Duration feedbackWithin) {
}
