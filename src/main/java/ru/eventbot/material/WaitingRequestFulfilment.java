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
}
