package ru.eventbot.telegram;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import ru.eventbot.broadcast.ChannelPost;
import ru.eventbot.broadcast.ChannelPostQueued;
import ru.eventbot.broadcast.ChannelPosts;
import ru.eventbot.participant.Language;

/**
 * Posts an announcement once to the organisers' channel after its broadcast starts. A post about an event carries a
 * link button to the event's card in the bot (where 👍, 📝, 📎 and ✅ work per person); in the channel itself people
 * react, and Telegram reports those anonymous counts ({@code message_reaction_count}). The event publication registry
 * keeps {@link ChannelPostQueued} until this returns; {@link ChannelPosts#claim} makes sure it posts once.
 */
@Component
class ChannelPoster {

    private final TelegramGateway gateway;
    private final ChannelPosts posts;
    private final MessageSource messages;
    private final AtomicReference<String> botUsername = new AtomicReference<>();

    ChannelPoster(TelegramGateway gateway, ChannelPosts posts, MessageSource messages) {
        this.gateway = gateway;
        this.posts = posts;
        this.messages = messages;
    }

    @Async
    @TransactionalEventListener
    void on(ChannelPostQueued queued) {
        posts.claim(queued.broadcastId()).ifPresent(this::post);
    }

    private void post(ChannelPost post) {
        var send = SendMessage.builder()
                .chatId(post.channel())
                .text(post.text())
                .entities(TextEntities.toTelegram(post.entities()))
                .replyMarkup(post.eventId() == null ? null : linkToCard(post.eventId()))
                .build();
        var result = gateway.call(send);
        switch (result.outcome()) {
            case DONE -> posts.posted(post.broadcastId(), result.value().getChatId(),
                    result.value().getMessageId().longValue());
            case NOT_SENT -> {
                posts.release(post.broadcastId());
                throw new IllegalStateException("Stopping before broadcast " + post.broadcastId()
                        + " was posted to the channel; it is posted at the next start");
            }
            default -> posts.failed(post.broadcastId(), result.error());
        }
    }

    /** A button opening the event's card in a private chat with the bot; none while the bot's name is unknown. */
    private InlineKeyboardMarkup linkToCard(long eventId) {
        var username = username();
        if (username == null) {
            return null;
        }
        var label = messages.getMessage("channel.open.card", null, Language.RU.locale());
        return InlineKeyboardMarkup.builder().keyboard(List.of(new InlineKeyboardRow(InlineKeyboardButton.builder()
                .text(label).url("https://t.me/" + username + "?start=event_" + eventId).build()))).build();
    }

    private String username() {
        var known = botUsername.get();
        if (known == null) {
            var me = gateway.call(new GetMe());
            if (me.isDone() && me.value().getUserName() != null) {
                known = me.value().getUserName();
                botUsername.set(known);
            }
        }
        return known;
    }
}
