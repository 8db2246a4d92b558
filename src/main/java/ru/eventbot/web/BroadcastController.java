package ru.eventbot.web;

import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import ru.eventbot.broadcast.BroadcastService;
import ru.eventbot.broadcast.NewBroadcast;

@RestController
@RequestMapping("/api/v1/broadcasts")
class BroadcastController {

    private final BroadcastService broadcasts;

    BroadcastController(BroadcastService broadcasts) {
        this.broadcasts = broadcasts;
    }

    /** Accepted: it goes out at the broadcast rate, now or at {@code scheduledAt}; follow it with GET. */
    @PostMapping
    ResponseEntity<BroadcastView> create(@RequestBody BroadcastRequest request, Principal organiser) {
        var broadcast = broadcasts.announce(new NewBroadcast(request.text(), List.of(), request.eventId(),
                request.audience(), request.scheduledAt() == null ? null : request.scheduledAt().toInstant(),
                Boolean.TRUE.equals(request.paidBroadcast()), organiser.getName(), null));
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(broadcast.getId());
        return ResponseEntity.accepted().location(location)
                .body(BroadcastView.of(broadcast, broadcasts.progress(broadcast.getId())));
    }

    @GetMapping
    List<BroadcastView> recent() {
        return broadcasts.recent(100).stream()
                .map(broadcast -> BroadcastView.of(broadcast, broadcasts.progress(broadcast.getId())))
                .toList();
    }

    @GetMapping("/{id}")
    BroadcastView one(@PathVariable long id) {
        return BroadcastView.of(broadcasts.get(id), broadcasts.progress(id));
    }

    /** Stops what has not gone out; 409 when it is finished or cancelled already. */
    @PostMapping("/{id}/cancel")
    BroadcastView cancel(@PathVariable long id) {
        broadcasts.cancel(id);
        return one(id);
    }
}
