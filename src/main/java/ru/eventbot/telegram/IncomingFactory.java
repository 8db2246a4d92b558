package ru.eventbot.telegram;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.reactions.ReactionCount;
import org.telegram.telegrambots.meta.api.objects.reactions.ReactionType;
import org.telegram.telegrambots.meta.api.objects.reactions.ReactionTypeEmoji;
import ru.eventbot.conversation.MessageKind;
import ru.eventbot.participant.TelegramProfile;

/** Reads an {@link Update} into an {@link Incoming}; tolerant of every optional field being absent. */
@Component
class IncomingFactory {

    Incoming from(long updateId, Update update) {
        var type = UpdateType.of(update);
        var chatId = UpdateType.chatIdOf(update);
        return switch (type) {
            case MESSAGE, EDITED_MESSAGE -> fromMessage(updateId, type,
                    type == UpdateType.MESSAGE ? update.getMessage() : update.getEditedMessage(), update);
            case CALLBACK_QUERY -> {
                var query = update.getCallbackQuery();
                var message = query.getMessage();
                var privateChat = message == null || message.getChat() == null || message.getChat().isUserChat();
                yield new Incoming(updateId, type, MessageKind.CALLBACK, chatId, profile(query.getFrom()), privateChat,
                        query.getData(), null, null,
                        message == null || message.getMessageId() == null ? null : message.getMessageId().longValue(),
                        query.getId(), query.getData(), List.of(), List.of(), null, update);
            }
            case MESSAGE_REACTION -> {
                var reaction = update.getMessageReaction();
                var emojis = emojis(reaction.getNewReaction());
                yield new Incoming(updateId, type, MessageKind.REACTION, chatId, profile(reaction.getUser()),
                        reaction.getChat() != null && reaction.getChat().isUserChat(), String.join(" ", emojis), null, null,
                        reaction.getMessageId() == null ? null : reaction.getMessageId().longValue(), null, null,
                        emojis, emojis(reaction.getOldReaction()), null, update);
            }
            case MESSAGE_REACTION_COUNT -> {
                var counts = update.getMessageReactionCount();
                var emojis = counted(counts.getReactions());
                yield new Incoming(updateId, type, MessageKind.REACTION, chatId, null, false, String.join(" ", emojis),
                        null, null, counts.getMessageId() == null ? null : counts.getMessageId().longValue(), null,
                        null, emojis, List.of(), null, update);
            }
            case MY_CHAT_MEMBER -> {
                var member = update.getMyChatMember();
                var status = member.getNewChatMember() == null ? null : member.getNewChatMember().getStatus();
                yield new Incoming(updateId, type, MessageKind.MEMBER_STATUS, chatId, profile(member.getFrom()),
                        member.getChat() != null && member.getChat().isUserChat(), status, null, null, null, null, null,
                        List.of(), List.of(),
                        status, update);
            }
            case OTHER -> new Incoming(updateId, type, MessageKind.OTHER, chatId, null, false, null, null, null, null,
                    null, null, List.of(), List.of(), null, update);
        };
    }

    private Incoming fromMessage(long updateId, UpdateType type, Message message, Update update) {
        var text = message.getText() != null ? message.getText() : message.getCaption();
        String command = null;
        String argument = null;
        var commandLength = commandLength(message);
        if (type == UpdateType.MESSAGE && commandLength > 1) {
            var name = message.getText().substring(1, commandLength);
            var at = name.indexOf('@');
            command = (at >= 0 ? name.substring(0, at) : name).toLowerCase(Locale.ROOT);
            var rest = message.getText().substring(commandLength).trim();
            argument = rest.isEmpty() ? null : rest;
        }
        var privateChat = message.getChat() != null && message.getChat().isUserChat();
        var chatId = message.getChat() == null ? null : message.getChat().getId(); // getChatId() throws without one
        return new Incoming(updateId, type, kindOf(type, message, command), chatId,
                profile(message.getFrom()), privateChat, text, command, argument,
                message.getMessageId() == null ? null : message.getMessageId().longValue(), null, null, List.of(),
                List.of(), null, update);
    }

    /** Telegram marks a command with a bot_command entity at offset 0; a text that merely starts with "/" is not one. */
    private static int commandLength(Message message) {
        if (message.getText() == null) {
            return 0;
        }
        return entitiesOf(message).stream()
                .filter(entity -> "bot_command".equals(entity.getType()) && entity.getOffset() == 0)
                .mapToInt(entity -> Math.min(entity.getLength(), message.getText().length()))
                .findFirst().orElse(0);
    }

    /**
     * The message's entities, or none when they do not fit its text: the library computes each entity's text from
     * its offset and length when they are read, and throws for an entity outside the text (found by fuzzing).
     */
    static List<org.telegram.telegrambots.meta.api.objects.MessageEntity> entitiesOf(Message message) {
        try {
            var entities = message.getEntities();
            return entities == null ? List.of() : entities;
        } catch (IndexOutOfBoundsException e) {
            return List.of();
        }
    }

    private static MessageKind kindOf(UpdateType type, Message message, String command) {
        if (type == UpdateType.EDITED_MESSAGE) return MessageKind.EDITED;
        if (command != null) return MessageKind.COMMAND;
        if (message.hasText()) return MessageKind.TEXT;
        if (message.hasDocument()) return MessageKind.DOCUMENT;
        if (message.hasPhoto()) return MessageKind.PHOTO;
        if (message.hasSticker()) return MessageKind.STICKER;
        if (message.hasVoice() || message.hasAudio() || message.hasVideo() || message.hasVideoNote()
                || message.hasAnimation()) {
            return MessageKind.MEDIA;
        }
        return MessageKind.OTHER;
    }

    private static TelegramProfile profile(User user) {
        if (user == null || user.getId() == null) {
            return null;
        }
        // A private chat's id is the user's id, so that is where the bot writes to them.
        return new TelegramProfile(user.getId(), user.getId(), user.getFirstName(), user.getLastName(),
                user.getUserName(), user.getLanguageCode());
    }

    private static List<String> emojis(List<ReactionType> reactions) {
        if (reactions == null) {
            return List.of();
        }
        return reactions.stream()
                .filter(ReactionTypeEmoji.class::isInstance)
                .map(r -> ((ReactionTypeEmoji) r).getEmoji())
                .filter(Objects::nonNull)
                .toList();
    }

    private static List<String> counted(List<ReactionCount> counts) {
        if (counts == null) {
            return List.of();
        }
        return counts.stream()
                .filter(c -> c.getType() instanceof ReactionTypeEmoji)
                .map(c -> ((ReactionTypeEmoji) c.getType()).getEmoji() + "×" + c.getTotalCount())
                .toList();
    }
}
