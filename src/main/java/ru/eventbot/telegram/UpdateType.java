package ru.eventbot.telegram;

import java.util.List;
import org.telegram.telegrambots.meta.api.objects.Update;

/** The kinds of update the bot asks Telegram for ({@code allowed_updates}), and how to tell them apart. */
enum UpdateType {
    MESSAGE("message"),
    EDITED_MESSAGE("edited_message"),
    CALLBACK_QUERY("callback_query"),
    MESSAGE_REACTION("message_reaction"),
    MESSAGE_REACTION_COUNT("message_reaction_count"),
    MY_CHAT_MEMBER("my_chat_member"),
    OTHER("other");

    static final List<String> ALLOWED_UPDATES = List.of("message", "edited_message", "callback_query",
            "message_reaction", "message_reaction_count", "my_chat_member");

    private final String apiName;

    UpdateType(String apiName) {
        this.apiName = apiName;
    }

    String apiName() {
        return apiName;
    }

    static UpdateType of(Update update) {
        if (update.getMessage() != null) return MESSAGE;
        if (update.getEditedMessage() != null) return EDITED_MESSAGE;
        if (update.getCallbackQuery() != null) return CALLBACK_QUERY;
        if (update.getMessageReaction() != null) return MESSAGE_REACTION;
        if (update.getMessageReactionCount() != null) return MESSAGE_REACTION_COUNT;
        if (update.getMyChatMember() != null) return MY_CHAT_MEMBER;
        return OTHER;
    }

    /** The chat an update belongs to: it decides the handling lane, so one chat's updates stay in order. */
    /**
     * The chat an update belongs to, or null. Null-safe all the way down: an update is untrusted input, and one
     * without its chat (found by fuzzing) must still be stored, not refused for ever.
     */
    static Long chatIdOf(Update update) {
        if (update.getMessage() != null) return chatOf(update.getMessage());
        if (update.getEditedMessage() != null) return chatOf(update.getEditedMessage());
        if (update.getCallbackQuery() != null) {
            var query = update.getCallbackQuery();
            var message = query.getMessage();
            if (message != null && message.getChat() != null) return message.getChat().getId();
            return query.getFrom() == null ? null : query.getFrom().getId();
        }
        if (update.getMessageReaction() != null) return idOf(update.getMessageReaction().getChat());
        if (update.getMessageReactionCount() != null) return idOf(update.getMessageReactionCount().getChat());
        if (update.getMyChatMember() != null) return idOf(update.getMyChatMember().getChat());
        return null;
    }

    private static Long chatOf(org.telegram.telegrambots.meta.api.objects.message.Message message) {
        return idOf(message.getChat());
    }

    private static Long idOf(org.telegram.telegrambots.meta.api.objects.chat.Chat chat) {
        return chat == null ? null : chat.getId();
    }
}
