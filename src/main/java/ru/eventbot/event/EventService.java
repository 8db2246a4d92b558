package ru.eventbot.event;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.eventbot.UniqueRows;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
public class EventService {

    private static final Logger log = LoggerFactory.getLogger(EventService.class);

    private final EventRepository events;
    private final EventProperties properties;
    private final ApplicationEventPublisher publisher;
    private final JdbcTemplate jdbc;
    private final UniqueRows uniqueRows;
    private final Clock clock;

    EventService(EventRepository events, EventProperties properties, ApplicationEventPublisher publisher,
                 JdbcTemplate jdbc, UniqueRows uniqueRows, Clock clock) {
        this.uniqueRows = uniqueRows;
        this.events = events;
        this.properties = properties;
        this.publisher = publisher;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Event create(EventDetails details) {
        EventRules.check(details);
        var event = events.saveAndFlush(Event.plan(details, clock.instant()));
        log.info("Event {} created: starts {}", event.getId(), event.getStartsAt());
        return event;
    }

    /** New details for an event; if its time or place changed, its attendees will be told ({@link EventChanged}). */
    public Event update(long eventId, EventDetails details) {
        EventRules.check(details);
        var event = events.findWithTalksById(eventId).orElseThrow(() -> new EventNotFoundException(eventId));
        var change = event.revise(details, clock.instant());
        events.flush();
        if (change != null) {
            log.info("Event {} changed time or place", eventId);
            publisher.publishEvent(change);
        }
        return event;
    }

    @Transactional(readOnly = true)
    public Event get(long eventId) {
        return find(eventId).orElseThrow(() -> new EventNotFoundException(eventId));
    }

    @Transactional(readOnly = true)
    public Optional<Event> find(long eventId) {
        return events.findWithTalksById(eventId);
    }

    @Transactional(readOnly = true)
    public boolean exists(long eventId) {
        return events.existsById(eventId);
    }

    /** Events that ended between {@code window} ago and now: their attendees are asked for feedback. */
    @Transactional(readOnly = true)
    public List<Event> endedWithin(java.time.Duration window) {
        var now = clock.instant();
        return events.findByEndsAtBetween(now.minus(window), now);
    }

    @Transactional(readOnly = true)
    public List<Event> all() {
        return events.findAllByOrderByStartsAtAsc();
    }

    /** Upcoming and recently ended events, soonest first, a page at a time. */
    @Transactional(readOnly = true)
    public EventPage current(int page) {
        var endedAfter = clock.instant().minus(properties.listedAfterEnd());
        var size = properties.pageSize();
        var total = events.countCurrent(endedAfter);
        var pages = (int) Math.max(1, (total + size - 1) / size);
        var shown = Math.max(0, Math.min(page, pages - 1));
        return new EventPage(events.findCurrent(endedAfter, PageRequest.of(shown, size)), shown, pages);
    }

    /** Events starting between now and {@code horizon} from now: those reminders may be due for. */
    @Transactional(readOnly = true)
    public List<Event> startingWithin(java.time.Duration horizon) {
        var now = clock.instant();
        return events.findByStartsAtBetween(now, now.plus(horizon));
    }

    /** ✅ on a card: attends if not attending, and the other way round. Returns whether they attend now. */
    public boolean toggleAttendance(long eventId, long telegramUserId) {
        if (!events.existsById(eventId)) {
            throw new EventNotFoundException(eventId);
        }
        var removed = jdbc.update("delete from event_attendee where event_id = ? and telegram_user_id = ?",
                eventId, telegramUserId);
        if (removed > 0) {
            return false;
        }
        // a concurrent press got there first: they attend either way
        uniqueRows.insert("insert into event_attendee (event_id, telegram_user_id, created_at) values (?, ?, ?)",
                eventId, telegramUserId, Timestamp.from(clock.instant()));
        return true;
    }

    @Transactional(readOnly = true)
    public boolean isAttending(long eventId, long telegramUserId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select count(*) > 0 from event_attendee "
                + "where event_id = ? and telegram_user_id = ?", Boolean.class, eventId, telegramUserId));
    }

    @Transactional(readOnly = true)
    public int attendeeCount(long eventId) {
        var count = jdbc.queryForObject("select count(*) from event_attendee where event_id = ?", Integer.class,
                eventId);
        return count == null ? 0 : count;
    }

    /** Attendee counts of all events that have any, by event id. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, Integer> attendeeCounts() {
        var counts = new java.util.HashMap<Long, Integer>();
        jdbc.query("select event_id, count(*) from event_attendee group by event_id",
                rs -> {
                    counts.put(rs.getLong(1), rs.getInt(2));
                });
        return counts;
    }

    public java.time.ZoneId defaultTimeZone() {
        return properties.defaultTimeZone();
    }
}
