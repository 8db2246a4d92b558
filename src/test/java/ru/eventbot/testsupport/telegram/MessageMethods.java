package ru.eventbot.testsupport.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The bot writing to chats: sending, copying, editing and deleting messages, reactions and chat actions. */
final class MessageMethods {

    private static final Logger log = LoggerFactory.getLogger(MessageMethods.class);

    private final ObjectMapper mapper;
    private final ChatStore chats;
    private final FileStore fileStore;
    private final UpdateFactory factory;
    private final List<FakeTelegramListener> listeners;

    MessageMethods(ObjectMapper mapper, ChatStore chats, FileStore fileStore, UpdateFactory factory,
                   List<FakeTelegramListener> listeners) {
        this.mapper = mapper;
        this.chats = chats;
        this.fileStore = fileStore;
        this.factory = factory;
        this.listeners = listeners;
    }

    void register(Map<String, BotApiMethods.Handler> handlers) {
        handlers.put("sendMessage", (params, files) -> sendMessage(params));
        handlers.put("sendDocument", this::sendDocument);
        handlers.put("sendPhoto", this::sendPhoto);
        handlers.put("sendMediaGroup", this::sendMediaGroup);
        handlers.put("copyMessage", (params, files) -> copyMessage(params, false));
        handlers.put("forwardMessage", (params, files) -> copyMessage(params, true));
        handlers.put("editMessageText", (params, files) -> editMessageText(params));
        handlers.put("editMessageCaption", (params, files) -> editMessageCaption(params));
        handlers.put("editMessageReplyMarkup", (params, files) -> editMessageReplyMarkup(params));
        handlers.put("deleteMessage", (params, files) -> deleteMessage(params));
        handlers.put("deleteMessages", (params, files) -> deleteMessages(params));
        handlers.put("setMessageReaction", (params, files) -> setMessageReaction(params));
        handlers.put("sendChatAction", (params, files) -> sendChatAction(params));
    }

    // ---- sending -------------------------------------------------------------------------------------------------

    private JsonNode sendMessage(ObjectNode params) {
        String text = plainText(params.get("text").asText(), params);
        JsonNode replyMarkup = params.get("reply_markup");
        BotMessage message = chats.sendBotMessage(ChatStore.chatIdParameter(params.get("chat_id")), chat -> {
            ObjectNode json = newMessageJson(chat);
            json.put("text", text);
            if (params.has("entities") && !params.get("entities").isEmpty()) {
                json.set("entities", params.get("entities"));
            }
            setReplyMarkup(json, replyMarkup);
            return newBotMessage(chat, json, text, null, replyMarkup, null, false);
        });
        announce(message);
        return message.sharedJson();
    }

    private JsonNode sendDocument(ObjectNode params, Map<String, UploadedFile> files) {
        FileStore.StoredFile file = resolveFile(params.get("document").asText(), files, "documents");
        String caption = params.has("caption") ? plainText(params.get("caption").asText(), params) : null;
        JsonNode replyMarkup = params.get("reply_markup");
        BotMessage message = chats.sendBotMessage(ChatStore.chatIdParameter(params.get("chat_id")), chat -> {
            ObjectNode json = newMessageJson(chat);
            attach(json, file, false);
            putCaption(json, caption);
            setReplyMarkup(json, replyMarkup);
            return newBotMessage(chat, json, null, caption, replyMarkup, file.describe(), false);
        });
        announce(message);
        return message.sharedJson();
    }

    private JsonNode sendPhoto(ObjectNode params, Map<String, UploadedFile> files) {
        FileStore.StoredFile file = resolveFile(params.get("photo").asText(), files, "photos");
        String caption = params.has("caption") ? plainText(params.get("caption").asText(), params) : null;
        JsonNode replyMarkup = params.get("reply_markup");
        BotMessage message = chats.sendBotMessage(ChatStore.chatIdParameter(params.get("chat_id")), chat -> {
            ObjectNode json = newMessageJson(chat);
            attach(json, file, true);
            putCaption(json, caption);
            setReplyMarkup(json, replyMarkup);
            return newBotMessage(chat, json, null, caption, replyMarkup, file.describe(), true);
        });
        announce(message);
        return message.sharedJson();
    }

    private JsonNode sendMediaGroup(ObjectNode params, Map<String, UploadedFile> files) {
        String mediaGroupId = String.valueOf(System.nanoTime());
        ArrayNode result = mapper.createArrayNode();
        for (JsonNode media : params.get("media")) {
            boolean photo = media.path("type").asText().equals("photo");
            FileStore.StoredFile file = resolveFile(media.path("media").asText(), files, photo ? "photos" : "documents");
            String caption = media.has("caption") ? plainText(media.get("caption").asText(), (ObjectNode) media) : null;
            BotMessage message = chats.sendBotMessage(ChatStore.chatIdParameter(params.get("chat_id")), chat -> {
                ObjectNode json = newMessageJson(chat);
                json.put("media_group_id", mediaGroupId);
                attach(json, file, photo);
                putCaption(json, caption);
                return newBotMessage(chat, json, null, caption, null, file.describe(), photo);
            });
            announce(message);
            result.add(message.sharedJson());
        }
        return result;
    }

    /** copyMessage (returns a MessageId) or forwardMessage (returns the Message, with its origin). */
    private JsonNode copyMessage(ObjectNode params, boolean forward) {
        int sourceId = params.get("message_id").asInt();
        ObjectNode source = chats.change(ChatStore.chatIdParameter(params.get("from_chat_id")), chat -> {
            chat.requireKnown();
            ObjectNode original = chat.botMessage(sourceId).filter(message -> !message.deleted())
                    .map(BotMessage::sharedJson).orElse(chat.userMessages.get(sourceId));
            if (original == null) {
                throw BotApiError.badRequest("message to " + (forward ? "forward" : "copy") + " not found");
            }
            return original;
        });
        String caption = !forward && params.has("caption") ? plainText(params.get("caption").asText(), params)
                : source.path("caption").asText(null);
        JsonNode replyMarkup = forward ? null : params.get("reply_markup");
        BotMessage message = chats.sendBotMessage(ChatStore.chatIdParameter(params.get("chat_id")), chat -> {
            ObjectNode json = newMessageJson(chat);
            for (String field : List.of("text", "entities", "document", "photo")) {
                if (source.has(field)) {
                    json.set(field, source.get(field));
                }
            }
            putCaption(json, caption);
            if (forward) {
                ObjectNode origin = json.putObject("forward_origin");
                origin.put("type", "user");
                origin.put("date", source.path("date").asLong());
                origin.set("sender_user", source.get("from"));
            }
            setReplyMarkup(json, replyMarkup);
            AttachedFile attached = attachedFile(json);
            return newBotMessage(chat, json, json.path("text").asText(null), caption, replyMarkup, attached,
                    json.has("photo"));
        });
        announce(message);
        return forward ? message.sharedJson() : mapper.createObjectNode().put("message_id", message.messageId());
    }

    private AttachedFile attachedFile(ObjectNode json) {
        JsonNode file = json.has("document") ? json.get("document")
                : json.has("photo") ? json.get("photo").get(json.get("photo").size() - 1) : null;
        if (file == null) {
            return null;
        }
        return fileStore.byId(file.path("file_id").asText()).map(FileStore.StoredFile::describe).orElse(null);
    }

    private void attach(ObjectNode json, FileStore.StoredFile file, boolean photo) {
        if (photo) {
            int[] size = imageSize(file.bytes());
            ObjectNode photoSize = json.putArray("photo").addObject();
            photoSize.put("file_id", file.fileId());
            photoSize.put("file_unique_id", file.fileUniqueId());
            photoSize.put("file_size", file.bytes().length);
            photoSize.put("width", size[0]);
            photoSize.put("height", size[1]);
        } else {
            ObjectNode document = json.putObject("document");
            document.put("file_name", file.fileName());
            document.put("mime_type", file.mimeType());
            document.put("file_id", file.fileId());
            document.put("file_unique_id", file.fileUniqueId());
            document.put("file_size", file.bytes().length);
        }
    }

    private FileStore.StoredFile resolveFile(String value, Map<String, UploadedFile> files, String folder) {
        if (value.startsWith("attach://")) {
            UploadedFile upload = files.get(value.substring("attach://".length()));
            String mimeType = upload.contentType() == null || upload.contentType().startsWith("application/octet-stream")
                    ? null : upload.contentType();
            return fileStore.store(folder, upload.fileName(), mimeType, upload.bytes(), true);
        }
        if (value.startsWith("http://") || value.startsWith("https://")) {
            String name = value.substring(value.lastIndexOf('/') + 1);
            return fileStore.store(folder, name.isEmpty() ? "file" : name, null, new byte[0], true);
        }
        return fileStore.reuse(value);
    }

    private static int[] imageSize(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image != null) {
                return new int[] {image.getWidth(), image.getHeight()};
            }
        } catch (IOException | RuntimeException e) {
            log.debug("Cannot read the photo's size; reporting 100x100", e);
        }
        return new int[] {100, 100};
    }

    private ObjectNode newMessageJson(ChatStore.ChatState chat) {
        ObjectNode json = mapper.createObjectNode();
        json.put("message_id", chat.nextMessageId());
        json.set("from", factory.botUser());
        json.set("chat", factory.chat(chat));
        json.put("date", Instant.now().getEpochSecond());
        return json;
    }

    private static BotMessage newBotMessage(ChatStore.ChatState chat, ObjectNode json, String text, String caption,
                                            JsonNode replyMarkup, AttachedFile document, boolean isPhoto) {
        return new BotMessage(chat.chatId, json.get("message_id").asInt(), Instant.now(), text, caption,
                replyMarkup, document, isPhoto, 0, List.of(), false, json);
    }

    private void announce(BotMessage message) {
        long now = System.nanoTime();
        for (FakeTelegramListener listener : listeners) {
            listener.onBotMessage(message.chatId(), message.messageId(), now);
        }
    }

    // ---- editing and deleting ------------------------------------------------------------------------------------

    private JsonNode editMessageText(ObjectNode params) {
        int messageId = messageId(params);
        String text = plainText(params.path("text").asText(""), params);
        JsonNode replyMarkup = inlineKeyboard(params.get("reply_markup"));
        return chats.changeWritable(ChatStore.chatIdParameter(params.get("chat_id")), chat -> {
            BotMessage current = editable(chat, messageId);
            if (current.text() == null) {
                throw BotApiError.badRequest("there is no text in the message to edit");
            }
            if (current.text().equals(text) && Objects.equals(inlineKeyboard(current.replyMarkup()), replyMarkup)) {
                throw notModified();
            }
            ObjectNode json = editedJson(current, replyMarkup);
            json.put("text", text);
            json.remove("entities");
            if (params.has("entities") && !params.get("entities").isEmpty()) {
                json.set("entities", params.get("entities"));
            }
            BotMessage edited = current.edited(text, null, replyMarkup, json);
            chat.replaceBotMessage(edited);
            return edited.sharedJson();
        });
    }

    private JsonNode editMessageCaption(ObjectNode params) {
        int messageId = messageId(params);
        String caption = params.has("caption") ? plainText(params.get("caption").asText(), params) : null;
        JsonNode replyMarkup = inlineKeyboard(params.get("reply_markup"));
        return chats.changeWritable(ChatStore.chatIdParameter(params.get("chat_id")), chat -> {
            BotMessage current = editable(chat, messageId);
            if (current.document() == null) {
                throw BotApiError.badRequest("there is no caption in the message to edit");
            }
            if (Objects.equals(current.caption(), caption)
                    && Objects.equals(inlineKeyboard(current.replyMarkup()), replyMarkup)) {
                throw notModified();
            }
            ObjectNode json = editedJson(current, replyMarkup);
            json.remove("caption");
            putCaption(json, caption);
            BotMessage edited = current.edited(null, caption, replyMarkup, json);
            chat.replaceBotMessage(edited);
            return edited.sharedJson();
        });
    }

    private JsonNode editMessageReplyMarkup(ObjectNode params) {
        int messageId = messageId(params);
        JsonNode replyMarkup = inlineKeyboard(params.get("reply_markup"));
        return chats.changeWritable(ChatStore.chatIdParameter(params.get("chat_id")), chat -> {
            BotMessage current = editable(chat, messageId);
            if (Objects.equals(inlineKeyboard(current.replyMarkup()), replyMarkup)) {
                throw notModified();
            }
            BotMessage edited = current.edited(current.text(), current.caption(), replyMarkup,
                    editedJson(current, replyMarkup));
            chat.replaceBotMessage(edited);
            return edited.sharedJson();
        });
    }

    private static BotApiError notModified() {
        return BotApiError.badRequest("message is not modified: specified new message content and reply markup are "
                + "exactly the same as a current content and reply markup of the message");
    }

    private int messageId(ObjectNode params) {
        if (params.has("inline_message_id")) {
            throw BotApiError.badRequest("MESSAGE_ID_INVALID (the fake does not support inline messages)");
        }
        if (!params.has("chat_id") || !params.has("message_id")) {
            throw BotApiError.invalidCall("message identifier is not specified (need chat_id and message_id)");
        }
        return params.get("message_id").asInt();
    }

    private static BotMessage editable(ChatStore.ChatState chat, int messageId) {
        BotMessage current = chat.botMessage(messageId).filter(message -> !message.deleted()).orElse(null);
        if (current == null) {
            if (chat.userMessages.containsKey(messageId)) {
                throw BotApiError.badRequest("message can't be edited");
            }
            throw BotApiError.badRequest("message to edit not found");
        }
        return current;
    }

    private ObjectNode editedJson(BotMessage current, JsonNode replyMarkup) {
        ObjectNode json = current.sharedJson().deepCopy();
        json.put("edit_date", Instant.now().getEpochSecond());
        json.remove("reply_markup");
        setReplyMarkup(json, replyMarkup);
        return json;
    }

    private JsonNode deleteMessage(ObjectNode params) {
        int messageId = params.get("message_id").asInt();
        chats.change(ChatStore.chatIdParameter(params.get("chat_id")), chat -> {
            chat.requireKnown();
            if (!delete(chat, messageId)) {
                throw BotApiError.badRequest("message to delete not found");
            }
            return null;
        });
        return BooleanNode.TRUE;
    }

    private JsonNode deleteMessages(ObjectNode params) {
        chats.change(ChatStore.chatIdParameter(params.get("chat_id")), chat -> {
            chat.requireKnown();
            params.get("message_ids").forEach(id -> delete(chat, id.asInt()));
            return null;
        });
        return BooleanNode.TRUE;
    }

    private static boolean delete(ChatStore.ChatState chat, int messageId) {
        BotMessage message = chat.botMessage(messageId).orElse(null);
        if (message != null && !message.deleted()) {
            chat.replaceBotMessage(message.asDeleted());
            return true;
        }
        return chat.userMessages.remove(messageId) != null;
    }

    // ---- reactions and chat actions ------------------------------------------------------------------------------

    private JsonNode setMessageReaction(ObjectNode params) {
        int messageId = params.get("message_id").asInt();
        List<String> emoji = new ArrayList<>();
        params.path("reaction").forEach(reaction -> emoji.add(reaction.path("emoji").asText(reaction.path("type").asText())));
        chats.changeWritable(ChatStore.chatIdParameter(params.get("chat_id")), chat -> {
            if (!chat.hasMessage(messageId)) {
                throw BotApiError.badRequest("message to react not found");
            }
            chat.botReactions.put(messageId, List.copyOf(emoji));
            return null;
        });
        return BooleanNode.TRUE;
    }

    private JsonNode sendChatAction(ObjectNode params) {
        chats.changeWritable(ChatStore.chatIdParameter(params.get("chat_id")), chat -> null);
        return BooleanNode.TRUE;
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static void putCaption(ObjectNode json, String caption) {
        if (caption != null && !caption.isEmpty()) {
            json.put("caption", caption);
        }
    }

    /** Only inline keyboards show up in the returned Message, like in Telegram. */
    private static void setReplyMarkup(ObjectNode json, JsonNode replyMarkup) {
        JsonNode inline = inlineKeyboard(replyMarkup);
        if (inline != null) {
            json.set("reply_markup", inline);
        }
    }

    /** The markup if it is a non-empty inline keyboard, else null (an empty keyboard means none). */
    private static JsonNode inlineKeyboard(JsonNode replyMarkup) {
        if (replyMarkup == null || !replyMarkup.has("inline_keyboard")) {
            return null;
        }
        for (JsonNode row : replyMarkup.get("inline_keyboard")) {
            if (!row.isEmpty()) {
                return replyMarkup;
            }
        }
        return null;
    }

    /** The validator already rejected unparsable markup, so this cannot fail. */
    private static String plainText(String text, ObjectNode params) {
        try {
            return FormattedText.plainText(text, params.path("parse_mode").asText(null));
        } catch (FormattedText.EntityParseException e) {
            throw BotApiError.invalidCall("can't parse entities: " + e.getMessage());
        }
    }
}
