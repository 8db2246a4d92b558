package ru.eventbot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What the chat page reads and sends (JSON), built from the stand-in's Telegram objects. */
final class ChatViews {

    private ChatViews() {
    }

    record ParticipantView(long id, String firstName, String lastName, String name, String language,
                           boolean organiser, boolean started) {

        static ParticipantView of(SimulatedUser user) {
            return new ParticipantView(user.id(), user.firstName(), user.lastName(), user.displayName(),
                    user.languageCode(), user.organiser(), user.started());
        }
    }

    record ButtonView(String text, String callbackData, String url) {
    }

    record DocumentView(String fileId, String fileName, String mimeType, long size, boolean photo,
                        String downloadUrl) {
    }

    /** @param from {@code bot} or {@code participant} */
    record MessageView(int messageId, String from, String text, List<List<ButtonView>> buttons,
                       DocumentView document, boolean edited, boolean deleted, Instant sentAt,
                       List<String> botReactions, String reaction, long version) {

        static MessageView of(ChatLog.Entry entry, String filesPath) {
            var json = entry.json();
            var text = json.has("text") ? json.get("text").asText() : json.path("caption").asText(null);
            var buttons = new ArrayList<List<ButtonView>>();
            for (var row : json.path("reply_markup").path("inline_keyboard")) {
                var buttonRow = new ArrayList<ButtonView>();
                row.forEach(button -> buttonRow.add(new ButtonView(button.path("text").asText(),
                        button.path("callback_data").asText(null), button.path("url").asText(null))));
                buttons.add(buttonRow);
            }
            return new MessageView(entry.messageId(), entry.fromBot() ? "bot" : "participant", text, buttons,
                    document(json, filesPath), json.has("edit_date"), entry.deleted(),
                    Instant.ofEpochSecond(json.path("date").asLong()), entry.botReactions(),
                    entry.participantReaction(), entry.version());
        }

        private static DocumentView document(JsonNode json, String filesPath) {
            JsonNode file;
            var photo = json.has("photo");
            if (photo) {
                file = json.get("photo").get(json.get("photo").size() - 1);
            } else if (json.has("document")) {
                file = json.get("document");
            } else {
                return null;
            }
            var fileId = file.path("file_id").asText();
            return new DocumentView(fileId, file.path("file_name").asText(photo ? "photo.jpg" : "document"),
                    file.path("mime_type").asText(photo ? "image/jpeg" : "application/octet-stream"),
                    file.path("file_size").asLong(), photo, filesPath + "/" + fileId);
        }
    }

    record AlertView(String callbackQueryId, String text, boolean showAlert, long version) {

        static AlertView of(ChatLog.Alert alert) {
            return new AlertView(alert.callbackQueryId(), alert.text(), alert.showAlert(), alert.version());
        }
    }

    record CommandView(String command, String description) {
    }

    /** @param version pass it back as {@code since} to get only what changed after this answer */
    record ChatView(ParticipantView participant, long version, List<MessageView> messages, List<AlertView> alerts,
                    List<CommandView> commands) {
    }

    record NewParticipant(String firstName, String lastName, String language) {
    }

    record LanguageChange(String language) {
    }

    record NewMessage(String text) {
    }

    record Press(Integer messageId, String callbackData) {
    }

    record PressAccepted(String callbackQueryId) {
    }

    record Reaction(Integer messageId, String emoji) {
    }
}
