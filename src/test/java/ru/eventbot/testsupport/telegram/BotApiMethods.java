package ru.eventbot.testsupport.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fake's implementation of Bot API methods, on already validated and normalized parameters: the bot's identity,
 * updates and webhook, callbacks, files, commands and chats here, writing to chats in {@link MessageMethods}.
 * Methods without an implementation answer {@code true}.
 */
final class BotApiMethods {

    @FunctionalInterface
    interface Handler {
        JsonNode handle(ObjectNode params, Map<String, UploadedFile> files);
    }

    private final ObjectMapper mapper;
    private final ChatStore chats;
    private final FileStore fileStore;
    private final CallbackQueries callbacks;
    private final UpdateQueue updates;
    private final UpdateFactory factory;
    private final Map<String, List<BotCommandEntry>> commands = new ConcurrentHashMap<>();
    private final Map<String, Handler> handlers = new HashMap<>();
    private final List<FakeTelegramListener> listeners;

    BotApiMethods(ObjectMapper mapper, ChatStore chats, FileStore fileStore, CallbackQueries callbacks,
                  UpdateQueue updates, UpdateFactory factory, List<FakeTelegramListener> listeners) {
        this.mapper = mapper;
        this.chats = chats;
        this.fileStore = fileStore;
        this.callbacks = callbacks;
        this.updates = updates;
        this.factory = factory;
        this.listeners = listeners;
        new MessageMethods(mapper, chats, fileStore, factory, listeners).register(handlers);
        handlers.put("getMe", (params, files) -> getMe());
        handlers.put("setWebhook", (params, files) -> setWebhook(params));
        handlers.put("deleteWebhook", (params, files) -> deleteWebhook(params));
        handlers.put("getWebhookInfo", (params, files) -> getWebhookInfo());
        handlers.put("answerCallbackQuery", (params, files) -> answerCallbackQuery(params));
        handlers.put("getFile", (params, files) -> getFile(params));
        handlers.put("setMyCommands", (params, files) -> setMyCommands(params));
        handlers.put("getMyCommands", (params, files) -> getMyCommands(params));
        handlers.put("deleteMyCommands", (params, files) -> deleteMyCommands(params));
        handlers.put("getChat", (params, files) -> getChat(params));
        handlers.put("getChatMember", (params, files) -> getChatMember(params));
        handlers.put("getMyName", (params, files) ->
                mapper.createObjectNode().put("name", factory.botUser().path("first_name").asText()));
        handlers.put("getMyDescription", (params, files) -> mapper.createObjectNode().put("description", ""));
        handlers.put("getMyShortDescription", (params, files) -> mapper.createObjectNode().put("short_description", ""));
        handlers.put("getChatMenuButton", (params, files) -> mapper.createObjectNode().put("type", "commands"));
    }

    JsonNode invoke(String method, ObjectNode params, Map<String, UploadedFile> files) {
        Handler handler = handlers.get(method);
        return handler == null ? BooleanNode.TRUE : handler.handle(params, files);
    }

    List<StoredUpdate> getUpdates(ObjectNode params) {
        List<String> allowedUpdates = null;
        if (params.has("allowed_updates")) {
            allowedUpdates = new ArrayList<>();
            for (JsonNode type : params.get("allowed_updates")) {
                allowedUpdates.add(type.asText());
            }
        }
        return updates.poll(params.has("offset") ? params.get("offset").asLong() : null,
                params.has("limit") ? params.get("limit").asInt() : null,
                params.path("timeout").asInt(0), allowedUpdates);
    }

    // ---- bot identity and updates --------------------------------------------------------------------------------

    private JsonNode getMe() {
        ObjectNode me = factory.botUser();
        me.put("can_join_groups", true);
        me.put("can_read_all_group_messages", false);
        me.put("supports_inline_queries", false);
        me.put("can_connect_to_business", false);
        me.put("has_main_web_app", false);
        return me;
    }

    private JsonNode setWebhook(ObjectNode params) {
        String url = params.get("url").asText();
        boolean drop = params.path("drop_pending_updates").asBoolean(false);
        if (url.isEmpty()) {
            updates.deleteWebhook(drop);
            return BooleanNode.TRUE;
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw BotApiError.badRequest("bad webhook: invalid webhook URL specified");
        }
        if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw BotApiError.badRequest("bad webhook: invalid webhook URL specified");
        }
        List<String> allowed = updates.webhookStatus().config().map(UpdateQueue.WebhookConfig::allowedUpdates)
                .orElse(List.of());
        if (params.has("allowed_updates")) {
            allowed = new ArrayList<>();
            for (JsonNode type : params.get("allowed_updates")) {
                allowed.add(type.asText());
            }
        }
        updates.setWebhook(new UpdateQueue.WebhookConfig(url, params.path("secret_token").asText(null),
                List.copyOf(allowed), params.path("max_connections").asInt(40)), drop);
        return BooleanNode.TRUE;
    }

    private JsonNode deleteWebhook(ObjectNode params) {
        updates.deleteWebhook(params.path("drop_pending_updates").asBoolean(false));
        return BooleanNode.TRUE;
    }

    private JsonNode getWebhookInfo() {
        UpdateQueue.WebhookStatus status = updates.webhookStatus();
        ObjectNode info = mapper.createObjectNode();
        info.put("url", status.config().map(UpdateQueue.WebhookConfig::url).orElse(""));
        info.put("has_custom_certificate", false);
        info.put("pending_update_count", status.pendingUpdateCount());
        status.config().ifPresent(config -> {
            info.put("ip_address", "127.0.0.1");
            if (status.lastErrorDate() != null) {
                info.put("last_error_date", status.lastErrorDate().getEpochSecond());
                info.put("last_error_message", status.lastErrorMessage());
            }
            info.put("max_connections", config.maxConnections());
            if (!config.allowedUpdates().isEmpty()) {
                ArrayNode allowed = info.putArray("allowed_updates");
                config.allowedUpdates().forEach(allowed::add);
            }
        });
        return info;
    }

    // ---- callbacks, files, commands, chats -------------------------------------------------------------------------------------------

    private JsonNode answerCallbackQuery(ObjectNode params) {
        callbacks.answer(new CallbackAnswer(params.get("callback_query_id").asText(), params.path("text").asText(null),
                params.path("show_alert").asBoolean(false), params.path("url").asText(null)));
        long now = System.nanoTime();
        listeners.forEach(listener -> listener.onCallbackAnswered(params.get("callback_query_id").asText(), now));
        return BooleanNode.TRUE;
    }

    private JsonNode getFile(ObjectNode params) {
        FileStore.StoredFile file = fileStore.byId(params.get("file_id").asText())
                .orElseThrow(() -> BotApiError.badRequest("invalid file_id"));
        ObjectNode json = mapper.createObjectNode();
        json.put("file_id", file.fileId());
        json.put("file_unique_id", file.fileUniqueId());
        json.put("file_size", file.bytes().length);
        json.put("file_path", file.filePath());
        return json;
    }

    private JsonNode setMyCommands(ObjectNode params) {
        List<BotCommandEntry> entries = new ArrayList<>();
        params.get("commands").forEach(command -> entries.add(
                new BotCommandEntry(command.path("command").asText(), command.path("description").asText())));
        commands.put(commandsKey(scopeKey(params.get("scope")), params.path("language_code").asText("")),
                List.copyOf(entries));
        return BooleanNode.TRUE;
    }

    private JsonNode getMyCommands(ObjectNode params) {
        ArrayNode result = mapper.createArrayNode();
        commands(scopeKey(params.get("scope")), params.path("language_code").asText("")).forEach(entry ->
                result.addObject().put("command", entry.command()).put("description", entry.description()));
        return result;
    }

    private JsonNode deleteMyCommands(ObjectNode params) {
        commands.remove(commandsKey(scopeKey(params.get("scope")), params.path("language_code").asText("")));
        return BooleanNode.TRUE;
    }

    List<BotCommandEntry> commands(String scopeKey, String languageCode) {
        return commands.getOrDefault(commandsKey(scopeKey, languageCode == null ? "" : languageCode), List.of());
    }

    /** "default", "all_private_chats", "chat:42", "chat_member:42:7"... */
    static String scopeKey(JsonNode scope) {
        if (scope == null || scope.isNull()) {
            return "default";
        }
        StringBuilder key = new StringBuilder(scope.path("type").asText());
        if (scope.has("chat_id")) {
            key.append(':').append(scope.get("chat_id").asText());
        }
        if (scope.has("user_id")) {
            key.append(':').append(scope.get("user_id").asText());
        }
        return key.toString();
    }

    private static String commandsKey(String scopeKey, String languageCode) {
        return scopeKey + "|" + languageCode;
    }

    private JsonNode getChat(ObjectNode params) {
        return chats.change(ChatStore.chatIdParameter(params.get("chat_id")), chat -> {
            chat.requireKnown();
            ObjectNode info = factory.chat(chat);
            info.put("accent_color_id", 0);
            info.put("max_reaction_count", 11);
            ObjectNode gifts = info.putObject("accepted_gift_types");
            for (String kind : List.of("unlimited_gifts", "limited_gifts", "unique_gifts", "premium_subscription",
                    "gifts_from_channels")) {
                gifts.put(kind, false);
            }
            return info;
        });
    }

    private JsonNode getChatMember(ObjectNode params) {
        long userId = params.get("user_id").asLong();
        return chats.change(ChatStore.chatIdParameter(params.get("chat_id")), chat -> {
            chat.requireKnown();
            ObjectNode member = mapper.createObjectNode();
            if (userId == factory.botUser().path("id").asLong()) {
                member.put("status", chat.blocked ? "kicked" : "member");
                member.set("user", factory.botUser());
                if (chat.blocked) {
                    member.put("until_date", 0);
                }
            } else if (chat.user != null && chat.user.id() == userId) {
                member.put("status", "member");
                member.set("user", factory.user(chat.user.profile()));
            } else {
                throw BotApiError.badRequest("user not found");
            }
            return member;
        });
    }

}
