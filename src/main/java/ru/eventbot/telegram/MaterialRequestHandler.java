package ru.eventbot.telegram;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.eventbot.conversation.MessageKind;
import ru.eventbot.material.MaterialAnswer;
import ru.eventbot.material.MaterialAsk;
import ru.eventbot.material.MaterialRequests;

/**
 * Free text that asks for a material ("Пришлите, пожалуйста, презентацию Таисии", "Taisia's slides"): one clear
 * hit is sent at once, close hits are offered as buttons, and a request nothing answers yet waits and is
 * fulfilled when the material is published. Other free text goes on to {@link FreeTextHandler}. The message is
 * stored in the conversation either way.
 */
@Component
@Order(HandlerOrder.FREE_TEXT)
class MaterialRequestHandler implements UpdateHandler {

    private final MaterialRequests requests;
    private final MaterialMenus menus;

    MaterialRequestHandler(MaterialRequests requests, MaterialMenus menus) {
        this.requests = requests;
        this.menus = menus;
    }

    @Override
    public boolean handles(Incoming incoming) {
        return incoming.isPrivateMessage() && incoming.command() == null && incoming.kind() == MessageKind.TEXT
                && incoming.chatId() != null && MaterialRequests.isRequest(incoming.text());
    }

    @Override
    public void handle(Incoming incoming, Replies replies) {
        var answer = requests.answer(new MaterialAsk(incoming.telegramUserId(), incoming.chatId(),
                replies.language(), incoming.text()));
        if (answer instanceof MaterialAnswer.Found found) {
            menus.sendMaterial(replies, found.material());
        } else if (answer instanceof MaterialAnswer.Choices choices) {
            if (choices.allOfEvent()) {
                menus.sendChoices(replies, choices.materials(), "materials.of.event",
                        choices.materials().get(0).getEventTitle());
            } else {
                menus.sendChoices(replies, choices.materials(), "material.request.choices");
            }
        } else if (answer instanceof MaterialAnswer.Waiting) {
            replies.send("material.request.waiting");
        } else if (answer instanceof MaterialAnswer.Unclear) {
            menus.sendEvents(replies, "material.request.unclear");
        } else {
            replies.send("message.received");
        }
    }
}
