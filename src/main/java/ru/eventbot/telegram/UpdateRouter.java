package ru.eventbot.telegram;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Finds the first handler, in order, that takes an update. Updates nobody takes are only stored. */
@Component
class UpdateRouter {

    private final List<UpdateHandler> handlers;

    UpdateRouter(List<UpdateHandler> handlers) {
        this.handlers = handlers; // Spring sorts the list by @Order
    }

    Optional<UpdateHandler> route(Incoming incoming) {
        return handlers.stream().filter(handler -> handler.handles(incoming)).findFirst();
    }
}
