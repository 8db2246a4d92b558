package ru.eventbot.telegram;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.eventbot.event.EventService;
import ru.eventbot.material.MaterialService;

/**
 * Presses on 📎 under an event ({@code ev:mat:<event id>}: the event's materials as buttons) and on a material's
 * button ({@code mat:<material id>}: the file itself). Ids that name nothing get an alert, nothing else.
 */
@Component
@Order(HandlerOrder.BUTTON)
class MaterialButtonHandler implements UpdateHandler {

    private final EventService events;
    private final MaterialService materials;
    private final MaterialMenus menus;

    MaterialButtonHandler(EventService events, MaterialService materials, MaterialMenus menus) {
        this.events = events;
        this.materials = materials;
        this.menus = menus;
    }

    @Override
    public boolean handles(Incoming incoming) {
        if (incoming.type() != UpdateType.CALLBACK_QUERY || incoming.from() == null || incoming.chatId() == null) {
            return false;
        }
        return MaterialCallback.parse(incoming.callbackData()).isPresent()
                || EventCallback.parse(incoming.callbackData())
                        .filter(press -> press.action() == EventCallback.Action.MATERIALS).isPresent();
    }

    @Override
    public void handle(Incoming incoming, Replies replies) {
        var material = MaterialCallback.parse(incoming.callbackData());
        if (material.isPresent()) {
            sendMaterial(material.get().materialId(), replies);
            return;
        }
        var eventId = EventCallback.parse(incoming.callbackData()).orElseThrow().eventId();
        var event = events.find(eventId);
        if (event.isEmpty()) {
            replies.answerCallback("event.unknown");
            return;
        }
        var list = materials.forEvent(eventId);
        if (list.isEmpty()) {
            replies.answerCallback("materials.none.for.event", event.get().getTitle());
            return;
        }
        replies.answerCallbackSilently();
        menus.sendChoices(replies, list, "materials.of.event", event.get().getTitle());
    }

    private void sendMaterial(long materialId, Replies replies) {
        var material = materials.find(materialId);
        if (material.isEmpty()) {
            replies.answerCallback("material.unknown");
            return;
        }
        replies.answerCallbackSilently();
        menus.sendMaterial(replies, material.get());
    }
}
