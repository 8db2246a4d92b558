package ru.eventbot.telegram;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code /materials}: events that have materials, each opening its list; a tap on a material sends it. */
@Component
@Order(HandlerOrder.COMMAND)
class MaterialsCommandHandler implements UpdateHandler {

    private final MaterialMenus menus;

    MaterialsCommandHandler(MaterialMenus menus) {
        this.menus = menus;
    }

    @Override
    public boolean handles(Incoming incoming) {
        return incoming.isPrivateMessage() && incoming.isCommand("materials");
    }

    @Override
    public void handle(Incoming incoming, Replies replies) {
        menus.sendEvents(replies, "materials.events");
    }
}
