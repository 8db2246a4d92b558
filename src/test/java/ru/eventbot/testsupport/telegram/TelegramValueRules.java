package ru.eventbot.testsupport.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Value limits Telegram enforces beyond JSON types, with Telegram's wording where it matters to callers. */
final class TelegramValueRules {

    static final int MAX_TEXT_LENGTH = 4096;
    static final int MAX_CAPTION_LENGTH = 1024;
    static final int MAX_CALLBACK_DATA_BYTES = 64;
    static final int MAX_CALLBACK_ANSWER_LENGTH = 200;

    private static final Pattern SECRET_TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Pattern BOT_COMMAND = Pattern.compile("[a-z0-9_]{1,32}");
    private static final Set<String> TEXT_METHODS = Set.of("sendMessage", "editMessageText");
    private static final Set<String> CHAT_ACTIONS = Set.of("typing", "upload_photo", "record_video", "upload_video",
            "record_voice", "upload_voice", "upload_document", "choose_sticker", "find_location",
            "record_video_note", "upload_video_note");
    private static final List<String> INLINE_BUTTON_ACTIONS = List.of("url", "callback_data", "web_app", "login_url",
            "switch_inline_query", "switch_inline_query_current_chat", "switch_inline_query_chosen_chat",
            "copy_text", "callback_game", "pay");

    private final Set<String> reactionEmoji;

    TelegramValueRules(TelegramApiSpec spec) {
        this.reactionEmoji = Set.copyOf(spec.reactionEmoji());
    }

    void checkCall(String method, ObjectNode params, List<String> problems) {
        String parseMode = params.path("parse_mode").asText(null);
        if (parseMode != null && !parseMode.isEmpty() && !FormattedText.isSupportedParseMode(parseMode)) {
            problems.add("unsupported parse_mode '" + parseMode + "'");
            return;
        }
        if (TEXT_METHODS.contains(method) && params.has("text")) {
            checkText(params.get("text").asText(), parseMode, problems);
        }
        if (params.has("caption")) {
            checkCaption(params.get("caption").asText(), parseMode, problems);
        }
        switch (method) {
            case "getUpdates" -> {
                checkRange(params, "limit", 1, 100, problems);
                checkRange(params, "timeout", 0, Integer.MAX_VALUE, problems);
            }
            case "setWebhook" -> {
                String secret = params.path("secret_token").asText(null);
                if (secret != null && !SECRET_TOKEN.matcher(secret).matches()) {
                    problems.add("secret_token must be 1-256 characters of A-Z, a-z, 0-9, _ and -, got '" + secret + "'");
                }
                checkRange(params, "max_connections", 1, 100, problems);
            }
            case "answerCallbackQuery" -> {
                String text = params.path("text").asText("");
                if (text.length() > MAX_CALLBACK_ANSWER_LENGTH) {
                    problems.add("MESSAGE_TOO_LONG: answerCallbackQuery text has " + text.length()
                            + " characters, max " + MAX_CALLBACK_ANSWER_LENGTH);
                }
            }
            case "sendChatAction" -> {
                String action = params.path("action").asText();
                if (!CHAT_ACTIONS.contains(action)) {
                    problems.add("wrong parameter action in request: '" + action + "' is not one of " + CHAT_ACTIONS);
                }
            }
            default -> {
            }
        }
    }

    void checkObject(String type, ObjectNode object, String path, List<String> problems) {
        switch (type) {
            case "InlineKeyboardButton" -> checkInlineButton(object, path, problems);
            case "BotCommand" -> {
                String command = object.path("command").asText();
                if (!BOT_COMMAND.matcher(command).matches()) {
                    problems.add("BOT_COMMAND_INVALID: '" + path + ".command' must be 1-32 lowercase English letters,"
                            + " digits and underscores, got '" + command + "'");
                }
                int descriptionLength = object.path("description").asText().length();
                if (descriptionLength < 1 || descriptionLength > 256) {
                    problems.add("BOT_COMMAND_DESCRIPTION_INVALID: '" + path + ".description' must be 1-256 characters,"
                            + " got " + descriptionLength);
                }
            }
            case "ReactionTypeEmoji" -> {
                String emoji = object.path("emoji").asText();
                if (!reactionEmoji.contains(emoji)) {
                    problems.add("REACTION_INVALID: '" + path + ".emoji' " + emoji + " is not an allowed reaction");
                }
            }
            default -> {
            }
        }
    }

    private static void checkInlineButton(ObjectNode button, String path, List<String> problems) {
        JsonNode data = button.get("callback_data");
        if (data != null) {
            int bytes = data.asText().getBytes(StandardCharsets.UTF_8).length;
            if (bytes < 1 || bytes > MAX_CALLBACK_DATA_BYTES) {
                problems.add("BUTTON_DATA_INVALID: '" + path + ".callback_data' must be 1-" + MAX_CALLBACK_DATA_BYTES
                        + " bytes in UTF-8, got " + bytes);
            }
        }
        if (INLINE_BUTTON_ACTIONS.stream().noneMatch(button::has)) {
            problems.add("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard ('"
                    + path + "' has none of " + INLINE_BUTTON_ACTIONS + ")");
        }
    }

    private static void checkText(String text, String parseMode, List<String> problems) {
        String plain = plainText(text, parseMode, problems);
        if (plain == null) {
            return;
        }
        if (plain.isBlank()) {
            problems.add("message text is empty");
        } else if (plain.length() > MAX_TEXT_LENGTH) {
            problems.add("message is too long: text has " + plain.length() + " characters after entity parsing, max "
                    + MAX_TEXT_LENGTH);
        }
    }

    private static void checkCaption(String caption, String parseMode, List<String> problems) {
        String plain = plainText(caption, parseMode, problems);
        if (plain != null && plain.length() > MAX_CAPTION_LENGTH) {
            problems.add("message caption is too long: caption has " + plain.length()
                    + " characters after entity parsing, max " + MAX_CAPTION_LENGTH);
        }
    }

    private static String plainText(String text, String parseMode, List<String> problems) {
        try {
            return FormattedText.plainText(text, parseMode);
        } catch (FormattedText.EntityParseException e) {
            problems.add("can't parse entities: " + e.getMessage());
            return null;
        }
    }

    private static void checkRange(ObjectNode params, String name, long min, long max, List<String> problems) {
        JsonNode value = params.get(name);
        if (value != null && (value.asLong() < min || value.asLong() > max)) {
            problems.add(name + " must be between " + min + " and " + max + ", got " + value.asLong());
        }
    }
}
