package ru.eventbot.event;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import java.time.Instant;

/** A talk within an event: what materials and feedback can refer to. */
@Entity
public class Talk {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "talk_seq")
    @SequenceGenerator(name = "talk_seq", sequenceName = "talk_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "event_id")
    private Event event;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String title;
    private String speaker;
    private Instant startsAt;

    protected Talk() {
    }

    Talk(Event event, int position, TalkDetails details) {
        this.event = event;
        this.position = position;
        this.title = details.title();
        this.speaker = details.speaker();
        this.startsAt = details.startsAt() == null ? null : details.startsAt().toInstant();
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getSpeaker() {
        return speaker;
    }

    public Instant getStartsAt() {
        return startsAt;
    }
}
