package ru.eventbot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;

/**
 * The Bot API methods the bot calls, answered as Telegram answers them, on the sandbox's chats: messages with
 * inline keyboards, edits ("message is not modified" included), documents and photos uploaded once and re-sent by
 * {@code file_id}, callback answers, reactions, command menus. A chat can be written to only once its person has
 * written to the bot; refusals carry Telegram's error codes and descriptions.
 */
final class BotApiStandIn {

    static final int MAX_TEXT = 4096;
    static final int MAX_CAPTION = 1024;

    private static final Map<String, String> METHODS = java.util.stream.Stream.of(
            "getMe", "sendMessage", "sendDocument", "sendPhoto",
            "editMessageText", "editMessageCaption", "editMessageReplyMarkup", "deleteMessage",
            "answerCallbackQuery", "setMessageReaction", "getFile", "setMyCommands",
            "getMyCommands", "deleteMyCommands", "deleteWebhook", "sendChatAction",
            "getWebhookInfo", "setWebhook")
            .collect(java.util.stream.Collectors.toMap(name -> name.toLowerCase(java.util.Locale.ROOT), name -> name));

    private final ObjectMapper mapper;
    private final SimulatedUsers users;
    private final ChatLog chats;
    private final SandboxFiles files;
    private final Clock clock;
    private final Map<String, JsonNode> commands = new ConcurrentHashMap<>();

    BotApiStandIn(ObjectMapper mapper, SimulatedUsers users, ChatLog chats, SandboxFiles files, Clock clock) {
        this.mapper = mapper;
        this.users = users;
        this.chats = chats;
        this.files = files;
        this.clock = clock;
    }

    /**
     * Every method but getUpdates, which waits ({@link UpdateFeed}). Method names are case-insensitive, as in
     * Telegram (TelegramBots calls some in lower case).
     */
    JsonNode invoke(String method, BotApiParameters params) {
        return switch (METHODS.getOrDefault(method.toLowerCase(java.util.Locale.ROOT), "")) {
            case "getMe" -> getMe();
            case "sendMessage" -> sendMessage(params);
            case "sendDocument" -> sendFile(params, "document");
            case "sendPhoto" -> sendFile(params, "photo");
            case "editMessageText" -> editMessageText(params);
            case "editMessageCaption" -> editMessageCaption(params);
            case "editMessageReplyMarkup" -> editMessageReplyMarkup(params);
            case "deleteMessage" -> deleteMessage(params);
            case "answerCallbackQuery" -> answerCallbackQuery(params);
            case "setMessageReaction" -> setMessageReaction(params);
            case "getFile" -> getFile(params);
            case "setMyCommands" -> setMyCommands(params);
            case "getMyCommands" -> commands.getOrDefault(commandsKey(params), mapper.createArrayNode());
            case "deleteMyCommands" -> {
                commands.remove(commandsKey(params));
                yield BooleanNode.TRUE;
            }
            case "deleteWebhook", "sendChatAction" -> BooleanNode.TRUE;
            case "getWebhookInfo" -> mapper.createObjectNode().put("url", "").put("has_custom_certificate", false)
                    .put("pending_update_count", 0);
            case "setWebhook" -> throw BotApiFailure.badRequest(
                    "the sandbox delivers updates through getUpdates only (TELEGRAM_MODE=polling)");
            default -> throw BotApiFailure.notFound();
        };
    }

    ObjectNode botUser() {
        var bot = mapper.createObjectNode();
        bot.put("id", SandboxActivation.BOT_ID);
        bot.put("is_bot", true);
        bot.put("first_name", "Event bot (sandbox)");
        bot.put("username", "eventbot_sandbox_bot");
        return bot;
    }

    ObjectNode user(SimulatedUser person) {
        var user = mapper.createObjectNode();
        user.put("id", person.id());
        user.put("is_bot", false);
        names(user, person);
        if (person.languageCode() != null) {
            user.put("language_code", person.languageCode());
        }
        return user;
    }

    ObjectNode privateChat(SimulatedUser person) {
        var chat = mapper.createObjectNode();
        chat.put("id", person.id());
        chat.put("type", "private");
        return names(chat, person);
    }

    private static ObjectNode names(ObjectNode node, SimulatedUser person) {
        node.put("first_name", person.firstName());
        if (person.lastName() != null) {
            node.put("last_name", person.lastName());
        }
        if (person.username() != null) {
            node.put("username", person.username());
        }
        return node;
    }

    /** The command menu a person sees: their chat's own, else the default one, in their language if there is one. */
    List<JsonNode> commandsFor(SimulatedUser person) {
        var language = person.languageCode() == null ? "" : person.languageCode();
        for (var key : List.of("chat:" + person.id() + "|" + language, "chat:" + person.id() + "|",
                "default|" + language, "default|")) {
            var menu = commands.get(key);
            if (menu != null) {
                var list = new ArrayList<JsonNode>();
                menu.forEach(list::add);
                return list;
            }
        }
        return List.of();
    }

    private JsonNode getMe() {
        var me = botUser();
        me.put("can_join_groups", false);
        me.put("can_read_all_group_messages", false);
        me.put("supports_inline_queries", false);
        return me;
    }

    private JsonNode sendMessage(BotApiParameters params) {
        var person = writableChat(params);
        var text = params.requiredText("text");
        if (text.isBlank()) {
            throw BotApiFailure.badRequest("message text is empty");
        }
        if (text.length() > MAX_TEXT) {
            throw BotApiFailure.badRequest("message is too long");
        }
        var markup = inlineKeyboard(params.json("reply_markup"));
        var entities = params.json("entities");
        return chats.add(person.id(), true, messageId -> {
            var json = newBotMessage(person, messageId);
            json.put("text", text);
            if (entities != null && entities.isArray() && !entities.isEmpty()) {
                json.set("entities", entities);
            }
            if (markup != null) {
                json.set("reply_markup", markup);
            }
            return json;
        }).json();
    }

    private JsonNode sendFile(BotApiParameters params, String field) {
        var person = writableChat(params);
        var caption = params.text("caption");
        if (caption != null && caption.length() > MAX_CAPTION) {
            throw BotApiFailure.badRequest("message caption is too long");
        }
        var markup = inlineKeyboard(params.json("reply_markup"));
        var file = resolveFile(params, field);
        var entities = params.json("caption_entities");
        return chats.add(person.id(), true, messageId -> {
            var json = newBotMessage(person, messageId);
            if (field.equals("photo")) {
                var size = imageSize(file);
                json.putArray("photo").addObject().put("file_id", file.fileId())
                        .put("file_unique_id", file.fileUniqueId()).put("file_size", file.size())
                        .put("width", size[0]).put("height", size[1]);
            } else {
                json.putObject("document").put("file_name", file.fileName()).put("mime_type", file.mimeType())
                        .put("file_id", file.fileId()).put("file_unique_id", file.fileUniqueId())
                        .put("file_size", file.size());
            }
            if (caption != null && !caption.isEmpty()) {
                json.put("caption", caption);
                if (entities != null && entities.isArray() && !entities.isEmpty()) {
                    json.set("caption_entities", entities);
                }
            }
            if (markup != null) {
                json.set("reply_markup", markup);
            }
            return json;
        }).json();
    }

    /** A new upload (a multipart file part, also through {@code attach://name}) or a {@code file_id} sent before. */
    private SandboxFiles.StoredFile resolveFile(BotApiParameters params, String field) {
        var upload = params.files().get(field);
        var value = params.text(field);
        if (upload == null && value != null && value.startsWith("attach://")) {
            upload = params.files().get(value.substring("attach://".length()));
        }
        if (upload != null) {
            if (upload.bytes().length == 0) {
                throw BotApiFailure.badRequest("file must be non-empty");
            }
            return files.store(upload.fileName(), upload.contentType(), upload.bytes());
        }
        if (value == null || value.isBlank()) {
            throw BotApiFailure.badRequest("there is no " + field + " in the request");
        }
        return files.find(value.strip()).orElseThrow(() ->
                BotApiFailure.badRequest("wrong file identifier/HTTP URL specified"));
    }

    private JsonNode editMessageText(BotApiParameters params) {
        var person = chatOf(params);
        var text = params.requiredText("text");
        if (text.isBlank()) {
            throw BotApiFailure.badRequest("message text is empty");
        }
        if (text.length() > MAX_TEXT) {
            throw BotApiFailure.badRequest("MESSAGE_TOO_LONG");
        }
        var markup = inlineKeyboard(params.json("reply_markup"));
        var entities = params.json("entities");
        return chats.change(person.id(), params.requiredInt("message_id"), "message to edit not found", entry -> {
            var current = editable(entry);
            if (!current.has("text")) {
                throw BotApiFailure.badRequest("there is no text in the message to edit");
            }
            if (current.get("text").asText().equals(text) && Objects.equals(current.get("reply_markup"), markup)
                    && Objects.equals(current.get("entities"), emptyToNull(entities))) {
                throw notModified();
            }
            var json = edited(current, markup);
            json.put("text", text);
            json.remove("entities");
            if (emptyToNull(entities) != null) {
                json.set("entities", entities);
            }
            return entry.withJson(json);
        }).json();
    }

    private JsonNode editMessageCaption(BotApiParameters params) {
        var person = chatOf(params);
        var caption = params.text("caption");
        if (caption != null && caption.length() > MAX_CAPTION) {
            throw BotApiFailure.badRequest("message caption is too long");
        }
        var markup = inlineKeyboard(params.json("reply_markup"));
        return chats.change(person.id(), params.requiredInt("message_id"), "message to edit not found", entry -> {
            var current = editable(entry);
            if (!current.has("document") && !current.has("photo")) {
                throw BotApiFailure.badRequest("there is no caption in the message to edit");
            }
            if (Objects.equals(current.path("caption").asText(""), caption == null ? "" : caption)
                    && Objects.equals(current.get("reply_markup"), markup)) {
                throw notModified();
            }
            var json = edited(current, markup);
            json.remove("caption");
            json.remove("caption_entities");
            if (caption != null && !caption.isEmpty()) {
                json.put("caption", caption);
            }
            return entry.withJson(json);
        }).json();
    }

    private JsonNode editMessageReplyMarkup(BotApiParameters params) {
        var person = chatOf(params);
        var markup = inlineKeyboard(params.json("reply_markup"));
        return chats.change(person.id(), params.requiredInt("message_id"), "message to edit not found", entry -> {
            var current = editable(entry);
            if (Objects.equals(current.get("reply_markup"), markup)) {
                throw notModified();
            }
            return entry.withJson(edited(current, markup));
        }).json();
    }

    private JsonNode deleteMessage(BotApiParameters params) {
        var person = chatOf(params);
        chats.change(person.id(), params.requiredInt("message_id"), "message to delete not found",
                ChatLog.Entry::asDeleted);
        return BooleanNode.TRUE;
    }

    private JsonNode answerCallbackQuery(BotApiParameters params) {
        var id = params.requiredText("callback_query_id");
        var chatId = chats.takeCallback(id).orElseThrow(() -> BotApiFailure.badRequest(
                "query is too old and response timeout expired or query ID is invalid"));
        var text = params.text("text");
        if (text != null && text.length() > 200) {
            throw BotApiFailure.badRequest("MESSAGE_TOO_LONG");
        }
        if (text != null && !text.isBlank()) {
            chats.alert(chatId, id, text, params.flag("show_alert"));
        }
        return BooleanNode.TRUE;
    }

    private JsonNode setMessageReaction(BotApiParameters params) {
        var person = chatOf(params);
        var emoji = new ArrayList<String>();
        var reaction = params.json("reaction");
        if (reaction != null) {
            reaction.forEach(type -> emoji.add(type.path("emoji").asText(type.path("type").asText())));
        }
        chats.change(person.id(), params.requiredInt("message_id"), "message to react not found",
                entry -> entry.withBotReactions(emoji));
        return BooleanNode.TRUE;
    }

    private JsonNode getFile(BotApiParameters params) {
        var file = files.find(params.requiredText("file_id")).orElseThrow(() ->
                BotApiFailure.badRequest("invalid file_id"));
        return mapper.createObjectNode().put("file_id", file.fileId()).put("file_unique_id", file.fileUniqueId())
                .put("file_size", file.size()).put("file_path", file.filePath());
    }

    private JsonNode setMyCommands(BotApiParameters params) {
        var list = params.json("commands");
        if (list == null || !list.isArray() || list.size() > 100) {
            throw BotApiFailure.badRequest("commands must be a list of at most 100 commands");
        }
        for (var command : list) {
            if (!command.path("command").asText("").matches("[a-z0-9_]{1,32}")) {
                throw BotApiFailure.badRequest("BOT_COMMAND_INVALID");
            }
            var description = command.path("description").asText("");
            if (description.isBlank() || description.length() > 256) {
                throw BotApiFailure.badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
            }
        }
        commands.put(commandsKey(params), list);
        return BooleanNode.TRUE;
    }

    private static String commandsKey(BotApiParameters params) {
        var scope = params.json("scope");
        var type = scope == null ? "default" : scope.path("type").asText("default");
        var key = type.equals("chat") ? "chat:" + scope.path("chat_id").asText() : type;
        var language = params.text("language_code");
        return key + "|" + (language == null ? "" : language);
    }

    // ---- chats, keyboards, messages ---------------------------------------------------------------------------------

    private SimulatedUser chatOf(BotApiParameters params) {
        var chatId = params.requiredText("chat_id").strip();
        try {
            return users.find(Long.parseLong(chatId)).orElseThrow(() -> BotApiFailure.badRequest("chat not found"));
        } catch (NumberFormatException e) {
            throw BotApiFailure.badRequest("chat not found");
        }
    }

    /** A chat the bot may write to: its person has written to the bot (Telegram's rule for private chats). */
    private SimulatedUser writableChat(BotApiParameters params) {
        var person = chatOf(params);
        if (!person.started()) {
            throw BotApiFailure.forbidden("bot can't initiate conversation with a user");
        }
        return person;
    }

    private ObjectNode newBotMessage(SimulatedUser person, int messageId) {
        var json = mapper.createObjectNode();
        json.put("message_id", messageId);
        json.set("from", botUser());
        json.set("chat", privateChat(person));
        json.put("date", clock.instant().getEpochSecond());
        return json;
    }

    private static ObjectNode editable(ChatLog.Entry entry) {
        if (!entry.fromBot()) {
            throw BotApiFailure.badRequest("message can't be edited");
        }
        return entry.json();
    }

    private ObjectNode edited(ObjectNode current, JsonNode markup) {
        var json = current.deepCopy();
        json.put("edit_date", clock.instant().getEpochSecond());
        json.remove("reply_markup");
        if (markup != null) {
            json.set("reply_markup", markup);
        }
        return json;
    }

    private static BotApiFailure notModified() {
        return BotApiFailure.badRequest("message is not modified: specified new message content and reply markup "
                + "are exactly the same as a current content and reply markup of the message");
    }

    /**
     * The inline keyboard of a reply_markup, checked as Telegram checks it; null for none or an empty one. Other
     * keyboards (reply keyboards, force reply) are accepted and not shown.
     */
    static JsonNode inlineKeyboard(JsonNode markup) {
        if (markup == null || !markup.isObject() || !markup.has("inline_keyboard")) {
            return null;
        }
        var rows = markup.get("inline_keyboard");
        if (!rows.isArray()) {
            throw BotApiFailure.badRequest("can't parse inline keyboard: field \"inline_keyboard\" must be an Array");
        }
        var any = false;
        for (var row : rows) {
            if (!row.isArray()) {
                throw BotApiFailure.badRequest("can't parse inline keyboard: rows must be Arrays");
            }
            for (var button : row) {
                checkButton(button);
                any = true;
            }
        }
        return any ? markup : null;
    }

    private static void checkButton(JsonNode button) {
        if (button.path("text").asText("").isBlank()) {
            throw BotApiFailure.badRequest("can't parse inline keyboard button: Text must be non-empty");
        }
        var kinds = 0;
        for (var kind : List.of("callback_data", "url", "switch_inline_query", "switch_inline_query_current_chat",
                "copy_text", "web_app", "login_url", "pay", "callback_game")) {
            if (button.has(kind)) {
                kinds++;
            }
        }
        if (kinds != 1) {
            throw BotApiFailure.badRequest("can't parse inline keyboard button: Text buttons are unallowed in the "
                    + "inline keyboard");
        }
        if (button.has("url") && !button.get("url").asText("").matches("(?i)(https?|tg)://\\S+")) {
            throw BotApiFailure.badRequest("BUTTON_URL_INVALID");
        }
        if (button.has("callback_data")) {
            var bytes = button.get("callback_data").asText("").getBytes(StandardCharsets.UTF_8).length;
            if (bytes < 1 || bytes > 64) {
                throw BotApiFailure.badRequest("BUTTON_DATA_INVALID");
            }
        }
    }

    private static JsonNode emptyToNull(JsonNode node) {
        return node == null || node.isNull() || (node.isArray() && node.isEmpty()) ? null : node;
    }

    private static int[] imageSize(SandboxFiles.StoredFile file) {
        try (var in = new ByteArrayInputStream(java.nio.file.Files.readAllBytes(file.content()))) {
            var image = ImageIO.read(in);
            if (image != null) {
                return new int[] {image.getWidth(), image.getHeight()};
            }
        } catch (IOException | RuntimeException e) {
            throw BotApiFailure.badRequest("IMAGE_PROCESS_FAILED");
        }
        throw BotApiFailure.badRequest("IMAGE_PROCESS_FAILED");
    }

    ArrayNode array(List<? extends JsonNode> nodes) {
        var array = mapper.createArrayNode();
        nodes.forEach(array::add);
        return array;
    }
}
