package ru.eventbot.telegram;

import java.util.List;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import ru.eventbot.conversation.TextEntity;

/** Formatting spans between Telegram's type and the features' plain record. */
final class TextEntities {

    private TextEntities() {
    }

    static List<MessageEntity> toTelegram(List<TextEntity> entities) {
        if (entities == null || entities.isEmpty()) {
            return null;
        }
        return entities.stream().<MessageEntity>map(entity -> MessageEntity.builder()
                .type(entity.type())
                .offset(entity.offset())
                .length(entity.length())
                .url(entity.url())
                .language(entity.language())
                .customEmojiId(entity.customEmojiId())
                .build()).toList();
    }

    /** What an organiser's message carries; mentions of users by object are dropped (they need the user). */
    static List<TextEntity> fromTelegram(List<MessageEntity> entities) {
        if (entities == null) {
            return List.of();
        }
        return entities.stream()
                .filter(entity -> !"text_mention".equals(entity.getType()))
                .map(entity -> new TextEntity(entity.getType(), entity.getOffset(), entity.getLength(),
                        entity.getUrl(), entity.getLanguage(), entity.getCustomEmojiId()))
                .toList();
    }
}
