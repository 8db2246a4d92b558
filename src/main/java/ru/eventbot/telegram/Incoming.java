package ru.eventbot.telegram;

import java.util.List;
import org.telegram.telegrambots.meta.api.objects.Update;
import ru.eventbot.conversation.MessageKind;
import ru.eventbot.participant.TelegramProfile;

/**
 * An update reduced to the plain values handlers work with.
 *
 * @param from        who did it; null for updates without a person (anonymous channel reaction counts)
 * @param privateChat whether it happened in the person's private chat with the bot
 * @param command     the command without slash and bot name, lower case ("start"), or null
 * @param reactions   the emoji reactions now set (message_reaction), or the counted ones (message_reaction_count)
 * @param memberStatus for my_chat_member: the bot's new status in that chat ("member", "kicked", ...)
 */
record Incoming(long updateId, UpdateType type, MessageKind kind, Long chatId, TelegramProfile from,
                boolean privateChat, String text, String command, String commandArgument, Long messageId,
                String callbackQueryId, String callbackData, List<String> reactions, List<String> previousReactions,
                String memberStatus, Update raw) {

    boolean isCommand(String name) {
        return name.equals(command);
    }

    boolean isPrivateMessage() {
        return type == UpdateType.MESSAGE && privateChat && from != null;
    }

    Long telegramUserId() {
        return from == null ? null : from.telegramUserId();
    }
}
