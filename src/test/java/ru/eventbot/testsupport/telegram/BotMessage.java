package ru.eventbot.testsupport.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A snapshot of a message the bot sent. Edits produce a new snapshot with a higher {@code version}.
 *
 * @param text        the text as the user sees it (markup of {@code parse_mode} removed), null for media
 * @param caption     the caption as the user sees it, null if none
 * @param replyMarkup the inline keyboard ({@code {"inline_keyboard": [...]}}), null if none
 * @param document    the document or, for photos, the largest photo size; null for text messages
 * @param editHistory the texts (or captions, "" for none) of the previous versions, oldest first
 * @param json        the Message object as Telegram returned it
 */
public record BotMessage(long chatId, int messageId, Instant date, String text, String caption,
                         JsonNode replyMarkup, AttachedFile document, boolean isPhoto, int version,
                         List<String> editHistory, boolean deleted, ObjectNode json) {

    /** The text, or the caption for media messages. */
    public String textOrCaption() {
        return text != null ? text : caption;
    }

    /** The inline keyboard row by row; empty if the message has none. */
    public List<List<InlineButton>> keyboard() {
        List<List<InlineButton>> rows = new ArrayList<>();
        if (replyMarkup == null) {
            return rows;
        }
        for (JsonNode row : replyMarkup.path("inline_keyboard")) {
            List<InlineButton> buttons = new ArrayList<>();
            for (JsonNode button : row) {
                buttons.add(new InlineButton(button.path("text").asText(), button.path("callback_data").asText(null),
                        button.path("url").asText(null)));
            }
            rows.add(List.copyOf(buttons));
        }
        return List.copyOf(rows);
    }

    /** All inline buttons, row by row. */
    public List<InlineButton> buttons() {
        return keyboard().stream().flatMap(List::stream).toList();
    }

    /** The button whose label equals {@code label}, or else the only one starting with it. */
    public Optional<InlineButton> button(String label) {
        List<InlineButton> buttons = buttons();
        Optional<InlineButton> exact = buttons.stream().filter(button -> button.label().equals(label)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        List<InlineButton> prefixed = buttons.stream().filter(button -> button.label().startsWith(label)).toList();
        if (prefixed.size() > 1) {
            throw new IllegalArgumentException("several buttons start with '" + label + "': " + prefixed);
        }
        return prefixed.stream().findFirst();
    }

    @Override
    public ObjectNode json() {
        return json.deepCopy();
    }

    ObjectNode sharedJson() {
        return json;
    }

    BotMessage edited(String newText, String newCaption, JsonNode newReplyMarkup, ObjectNode newJson) {
        List<String> history = new ArrayList<>(editHistory);
        history.add(textOrCaption() == null ? "" : textOrCaption());
        return new BotMessage(chatId, messageId, date, newText, newCaption, newReplyMarkup, document, isPhoto,
                version + 1, List.copyOf(history), deleted, newJson);
    }

    BotMessage asDeleted() {
        return new BotMessage(chatId, messageId, date, text, caption, replyMarkup, document, isPhoto, version,
                editHistory, true, json);
    }

    @Override
    public String toString() {
        StringBuilder description = new StringBuilder("#").append(messageId);
        if (text != null) {
            description.append(" \"").append(abbreviate(text)).append('"');
        }
        if (document != null) {
            description.append(isPhoto ? " [photo " : " [document ").append(document.fileName()).append(']');
        }
        if (caption != null) {
            description.append(" caption \"").append(abbreviate(caption)).append('"');
        }
        if (replyMarkup != null) {
            description.append(" buttons ").append(buttons().stream().map(InlineButton::label).toList());
        }
        if (version > 0) {
            description.append(" (edited ").append(version).append("x)");
        }
        if (deleted) {
            description.append(" (deleted)");
        }
        return description.toString();
    }

    private static String abbreviate(String text) {
        String oneLine = text.replace("\n", "⏎");
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 117) + "...";
    }
}
