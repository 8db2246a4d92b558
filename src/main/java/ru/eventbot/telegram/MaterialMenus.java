package ru.eventbot.telegram;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import ru.eventbot.conversation.Button;
import ru.eventbot.conversation.Keyboard;
import ru.eventbot.material.Material;
import ru.eventbot.material.MaterialCaptions;
import ru.eventbot.material.MaterialMailService;
import ru.eventbot.material.MaterialService;

/**
 * What materials look like in Telegram: the events that have some (each opening its list with 📎), an event's
 * materials as one button each, and a material sent as a document with its caption.
 */
@Component
class MaterialMenus {

    private static final int LABEL = 60;
    /** Telegram allows up to 100 buttons under a message; a long list keeps to this many. */
    private static final int MAX_BUTTONS = 50;

    private final MaterialService materials;
    private final MaterialCaptions captions;
    private final MaterialMailService mail;
    private final MessageSource messages;

    MaterialMenus(MaterialService materials, MaterialCaptions captions, MaterialMailService mail,
                  MessageSource messages) {
        this.materials = materials;
        this.captions = captions;
        this.mail = mail;
        this.messages = messages;
    }

    /** {@code /materials}: the events that have materials, or a line saying there are none yet. */
    void sendEvents(Replies replies, String key) {
        var events = materials.eventsWithMaterials();
        if (events.isEmpty()) {
            replies.send("materials.none");
            return;
        }
        var rows = new ArrayList<List<Button>>();
        events.forEach((event, count) -> {
            if (rows.size() < MAX_BUTTONS) {
                var label = "📎 " + event.getTitle() + " (" + count + ")";
                rows.add(List.of(new Button(label.length() > LABEL ? label.substring(0, LABEL - 1) + "…" : label,
                        EventCallback.data(EventCallback.Action.MATERIALS, event.getId()))));
            }
        });
        replies.send(new Keyboard(rows), key);
    }

    /** One button per material; the text above them is {@code key} with {@code args}. */
    void sendChoices(Replies replies, List<Material> choices, String key, Object... args) {
        var rows = new ArrayList<List<Button>>();
        for (var material : choices.subList(0, Math.min(choices.size(), MAX_BUTTONS))) {
            rows.add(List.of(new Button(captions.label(material), MaterialCallback.data(material.getId()))));
        }
        replies.send(new Keyboard(rows), key, args);
    }

    /** The file with its caption, and ✉️ to get it by e-mail when a mail server is configured. */
    void sendMaterial(Replies replies, Material material) {
        var keyboard = mail.isAvailable()
                ? Keyboard.of(new Button(messages.getMessage("material.button.mail", null, replies.language().locale()),
                        MaterialMailHandler.PREFIX + material.getId()))
                : Keyboard.none();
        replies.sendDocument(material.getId(), captions.caption(material, replies.language()), keyboard);
    }
}
