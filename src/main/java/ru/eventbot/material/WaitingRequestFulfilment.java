package ru.eventbot.material;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Fulfils waiting requests once a material is published, after its transaction commits. The event publication
 * registry keeps {@link MaterialPublished} until this has run, so a restart in between does not lose it; the files
 * it queues go out after its own commit (or at the next start).
 */
@Component
class WaitingRequestFulfilment {

    private final MaterialRequests requests;

    WaitingRequestFulfilment(MaterialRequests requests) {
        this.requests = requests;
    }

    @ApplicationModuleListener
    void on(MaterialPublished published) {
        requests.fulfilWith(published.materialId());
    }

    /** At start and every few minutes: requests stored too late for their material's event (see there). */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    @org.springframework.scheduling.annotation.Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT2M")
    void fulfilLateRequests() {
        requests.fulfilLateRequests(java.time.Duration.ofDays(1));
    }
}
