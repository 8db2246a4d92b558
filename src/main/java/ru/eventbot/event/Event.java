package ru.eventbot.event;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Something participants come to: when and where, and the talks that materials and feedback refer to. */
@Entity
public class Event {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "event_seq")
    @SequenceGenerator(name = "event_seq", sequenceName = "event_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private String title;
    private String description;
    private String venue;

    @Column(nullable = false)
    private Instant startsAt;

    @Column(nullable = false)
    private Instant endsAt;

    @Column(nullable = false)
    private String timeZone;

    @OneToMany(mappedBy = "event", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Talk> talks = new ArrayList<>();

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Event() {
    }

    static Event plan(EventDetails details, Instant now) {
        var event = new Event();
        event.createdAt = now;
        event.apply(details, now);
        return event;
    }

    /** Applies new details and tells what changed that attendees should hear about (time or place). */
    EventChanged revise(EventDetails details, Instant now) {
        var before = new EventChanged.Snapshot(startsAt, endsAt, venue);
        apply(details, now);
        var after = new EventChanged.Snapshot(startsAt, endsAt, venue);
        return before.equals(after) ? null : new EventChanged(id, before, after);
    }

    private void apply(EventDetails details, Instant now) {
        title = details.title();
        description = details.description();
        venue = details.venue();
        startsAt = details.startsAt().toInstant();
        endsAt = details.endsAt().toInstant();
        timeZone = details.timeZone().getId();
        updatedAt = now;
        var wanted = details.talks() == null ? List.<TalkDetails>of() : details.talks();
        talks.clear();
        for (int i = 0; i < wanted.size(); i++) {
            talks.add(new Talk(this, i, wanted.get(i)));
        }
    }

    public boolean hasEndedBy(Instant now) {
        return !endsAt.isAfter(now);
    }

    public ZonedDateTime startsAtLocal() {
        return startsAt.atZone(zone());
    }

    public ZonedDateTime endsAtLocal() {
        return endsAt.atZone(zone());
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public String getVenue() {
        return venue;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public List<Talk> getTalks() {
        return List.copyOf(talks);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Event event && id != null && Objects.equals(id, event.id);
    }

    @Override
    public int hashCode() {
        return Event.class.hashCode();
    }
}
