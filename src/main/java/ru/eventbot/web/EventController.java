package ru.eventbot.web;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import ru.eventbot.event.EventService;

@RestController
@RequestMapping("/api/v1/events")
class EventController {

    private final EventService events;

    EventController(EventService events) {
        this.events = events;
    }

    @PostMapping
    ResponseEntity<EventView> create(@RequestBody EventRequest request) {
        var event = events.create(request.toDetails(events.defaultTimeZone()));
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(event.getId());
        return ResponseEntity.created(location).body(EventView.of(event, 0));
    }

    @GetMapping
    List<EventView> all() {
        var attendees = events.attendeeCounts();
        return events.all().stream().map(event -> EventView.of(event, attendees.getOrDefault(event.getId(), 0)))
                .toList();
    }

    @GetMapping("/{id}")
    EventView one(@PathVariable long id) {
        return EventView.of(events.get(id), events.attendeeCount(id));
    }

    /** Replaces an event's details; if its time or place changes, its attendees are told. */
    @PutMapping("/{id}")
    EventView update(@PathVariable long id, @RequestBody EventRequest request) {
        var event = events.update(id, request.toDetails(events.defaultTimeZone()));
        return EventView.of(event, events.attendeeCount(id));
    }

}
