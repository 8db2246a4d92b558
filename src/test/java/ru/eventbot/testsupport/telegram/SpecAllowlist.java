package ru.eventbot.testsupport.telegram;

import java.util.Map;
import java.util.Set;

/**
 * Fields that TelegramBots 10.2.0 may legitimately send although the bundled spec (Bot API 10.1) lacks them.
 * Keep this list small: everything else unknown is reported as a validation error.
 */
final class SpecAllowlist {

    /** Parameter name -> why it is accepted on any method. */
    private static final Map<String, String> PARAMETERS = Map.of(
            // TelegramBots serializes the method name into every JSON body; Telegram ignores it (it is the
            // webhook-reply convention).
            "method", "sent by TelegramBots in every JSON body",
            // Bot API 10.2 ephemeral messages: send methods gained receiver_user_id / callback_query_id.
            "receiver_user_id", "Bot API 10.2 (ephemeral messages)",
            "callback_query_id", "Bot API 10.2 (ephemeral messages)",
            // Removed from the docs in Bot API 7.0 in favour of reply_parameters / link_preview_options, but
            // Telegram still accepts them and TelegramBots still has setters for them.
            "reply_to_message_id", "deprecated, still accepted by Telegram",
            "allow_sending_without_reply", "deprecated, still accepted by Telegram",
            "disable_web_page_preview", "deprecated, still accepted by Telegram");

    /** "Type.field" accepted inside objects. */
    private static final Set<String> TYPE_FIELDS = Set.of(
            "ReplyParameters.ephemeral_message_id", // Bot API 10.2
            "BotCommand.is_ephemeral", // Bot API 10.2
            "InputRichMessage.media", // Bot API 10.2
            "InputRichMessage.blocks", // Bot API 10.2
            "InputTextMessageContent.disable_web_page_preview"); // deprecated, still accepted

    /** Bot API 10.2 methods missing from the 10.1 spec; accepted without parameter validation. */
    private static final Set<String> METHODS = Set.of("editEphemeralMessageText", "editEphemeralMessageMedia",
            "editEphemeralMessageCaption", "editEphemeralMessageReplyMarkup", "deleteEphemeralMessage");

    private SpecAllowlist() {
    }

    static boolean isAllowedParameter(String parameter) {
        return PARAMETERS.containsKey(parameter);
    }

    static boolean isAllowedField(String type, String field) {
        return TYPE_FIELDS.contains(type + "." + field);
    }

    static String allowedMethod(String name) {
        return METHODS.stream().filter(method -> method.equalsIgnoreCase(name)).findFirst().orElse(null);
    }
}
