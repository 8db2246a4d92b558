package ru.eventbot.material;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import ru.eventbot.participant.Language;

/** What a material says under its document in Telegram: title, speaker, event (at most 1024 characters). */
@Component
public class MaterialCaptions {

    static final int MAX_CAPTION = 1024;

    private final MessageSource messages;

    MaterialCaptions(MessageSource messages) {
        this.messages = messages;
    }

    public String caption(Material material, Language language) {
        return clip(messages.getMessage("material.caption", new Object[] {material.getTitle(), material.getSpeaker(),
                material.getEventTitle()}, language.locale()));
    }

    /** The caption of a material sent because someone asked for it earlier, saying so. */
    String fulfilled(Material material, MaterialRequest request) {
        var asked = request.getQuery().length() > 200 ? request.getQuery().substring(0, 199) + "…" : request.getQuery();
        return clip(messages.getMessage("material.request.fulfilled", new Object[] {asked},
                request.getLanguage().locale()) + "\n\n" + caption(material, request.getLanguage()));
    }

    /** A button's label for a material: its title and speaker, short enough for a phone. */
    public String label(Material material) {
        var label = "📄 " + material.getTitle() + " — " + material.getSpeaker();
        return label.length() > 60 ? label.substring(0, 59) + "…" : label;
    }

    private static String clip(String caption) {
        return caption.length() <= MAX_CAPTION ? caption : caption.substring(0, MAX_CAPTION - 1) + "…";
    }
}
