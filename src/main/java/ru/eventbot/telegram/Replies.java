package ru.eventbot.telegram;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import ru.eventbot.conversation.Keyboard;
import ru.eventbot.conversation.OutgoingMessage;
import ru.eventbot.participant.Language;

/**
 * What a handler answers, collected while it runs and stored in the same transaction as the update's handling;
 * the texts come from the message bundles in the participant's language.
 */
final class Replies {

    /** The longest callback query id a press is answered with (see {@link #answerable()}). */
    static final int MAX_CALLBACK_QUERY_ID = 256;

    private final Incoming incoming;
    private final Language language;
    private final MessageSource messages;
    private final List<OutgoingMessage> outgoing = new ArrayList<>(2);
    private boolean ownerForgotten;

    Replies(Incoming incoming, Language language, MessageSource messages) {
        this.incoming = incoming;
        this.language = language;
        this.messages = messages;
    }

    Language language() {
        return language;
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, language.locale());
    }

    void send(String key, Object... args) {
        send(Keyboard.none(), key, args);
    }

    void send(Keyboard keyboard, String key, Object... args) {
        sendText(text(key, args), keyboard);
    }

    void sendText(String text, Keyboard keyboard) {
        if (incoming.chatId() == null) {
            throw new IllegalStateException("Update " + incoming.updateId() + " has no chat to answer in");
        }
        outgoing.add(OutgoingMessage.text(incoming.telegramUserId(), incoming.chatId(), text, keyboard));
    }

    void sendFormatted(String text, java.util.List<ru.eventbot.conversation.TextEntity> entities, Keyboard keyboard) {
        requireChat();
        outgoing.add(OutgoingMessage.formatted(incoming.telegramUserId(), incoming.chatId(), text, entities, keyboard));
    }

    /** Sends a material's file as a document with {@code caption} under it. */
    void sendDocument(long materialId, String caption, Keyboard keyboard) {
        requireChat();
        outgoing.add(OutgoingMessage.document(incoming.telegramUserId(), incoming.chatId(), caption, materialId,
                keyboard));
    }

    /** Sends the rating histogram of an event, drawn when it goes out, as a photo with {@code caption} under it. */
    void sendChart(long eventId, String caption) {
        requireChat();
        outgoing.add(OutgoingMessage.chart(incoming.telegramUserId(), incoming.chatId(), caption, eventId));
    }

    /** Sends the participant everything stored about them as a JSON document with {@code caption} under it. */
    void sendPersonalData(String caption) {
        requireChat();
        outgoing.add(OutgoingMessage.dataExport(incoming.telegramUserId(), incoming.chatId(), caption));
    }

    /**
     * Changes the text and keyboard of the bot's message that was pressed (a list page, a card); nothing when the
     * press carries no message to change (an old or inline message, or forged).
     */
    void editPressed(String text, Keyboard keyboard) {
        if (incoming.messageId() == null) {
            return;
        }
        requireChat();
        outgoing.add(OutgoingMessage.edit(incoming.telegramUserId(), incoming.chatId(), pressedMessageId(), text,
                keyboard));
    }

    /** Changes only the keyboard of the bot's message that was pressed (a count, a toggle); see {@link #editPressed}. */
    void editPressedKeyboard(Keyboard keyboard) {
        if (incoming.messageId() == null) {
            return;
        }
        requireChat();
        outgoing.add(OutgoingMessage.edit(incoming.telegramUserId(), incoming.chatId(), pressedMessageId(), null,
                keyboard));
    }

    private long pressedMessageId() {
        if (incoming.callbackQueryId() == null || incoming.messageId() == null) {
            throw new IllegalStateException("Update " + incoming.updateId() + " is not a press on a bot message");
        }
        return incoming.messageId();
    }

    private void requireChat() {
        if (incoming.chatId() == null) {
            throw new IllegalStateException("Update " + incoming.updateId() + " has no chat to answer in");
        }
    }

    /**
     * A forged press goes unanswered: one without an id, or without anyone or any chat it came from, or with an id
     * Telegram never gives (its ids are numbers of about 20 digits; a longer one could not be answered, and would
     * not fit the stored reply either).
     */
    private boolean answerable() {
        var id = incoming.callbackQueryId();
        return id != null && id.length() <= MAX_CALLBACK_QUERY_ID && incoming.chatId() != null;
    }

    /** Answers the button press this update is (Telegram shows the text briefly and stops the button's spinner). */
    void answerCallback(String key, Object... args) {
        if (!answerable()) {
            return;
        }
        var text = text(key, args);
        // Telegram shows at most 200 characters of a press's answer
        outgoing.add(OutgoingMessage.callbackAnswer(incoming.telegramUserId(), incoming.chatId(),
                incoming.callbackQueryId(), text.length() > 200 ? text.substring(0, 199) + "…" : text));
    }

    /** Stops the pressed button's spinner without a notice: what the press does shows in the chat itself. */
    void answerCallbackSilently() {
        if (!answerable()) {
            return;
        }
        outgoing.add(OutgoingMessage.callbackAnswer(incoming.telegramUserId(), incoming.chatId(),
                incoming.callbackQueryId(), null));
    }

    /** The participant was just erased: what is still sent to their chat is not kept under their id. */
    void forgetOwner() {
        ownerForgotten = true;
    }

    List<OutgoingMessage> all() {
        if (ownerForgotten) {
            return outgoing.stream().map(out -> new OutgoingMessage(null, out.chatId(), out.kind(), out.text(),
                    out.keyboard(), out.callbackQueryId(), out.editMessageId(), out.entities(), out.attachmentId()))
                    .toList();
        }
        return List.copyOf(outgoing);
    }
}
