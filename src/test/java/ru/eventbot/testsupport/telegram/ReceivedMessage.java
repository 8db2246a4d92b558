package ru.eventbot.testsupport.telegram;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A bot message as a user received it: a snapshot, plus what the user can do with it. */
public final class ReceivedMessage {

    private final FakeTelegram telegram;
    private final FakeUser user;
    private final BotMessage snapshot;

    ReceivedMessage(FakeTelegram telegram, FakeUser user, BotMessage snapshot) {
        this.telegram = telegram;
        this.user = user;
        this.snapshot = snapshot;
    }

    public BotMessage snapshot() {
        return snapshot;
    }

    public int messageId() {
        return snapshot.messageId();
    }

    /** The text without markup, null for media messages. */
    public String text() {
        return snapshot.text();
    }

    public String caption() {
        return snapshot.caption();
    }

    public String textOrCaption() {
        return snapshot.textOrCaption();
    }

    public List<List<InlineButton>> keyboard() {
        return snapshot.keyboard();
    }

    public List<InlineButton> buttons() {
        return snapshot.buttons();
    }

    public List<String> buttonLabels() {
        return buttons().stream().map(InlineButton::label).toList();
    }

    public Optional<AttachedFile> document() {
        return Optional.ofNullable(snapshot.document());
    }

    /** The bytes of the attached document or photo. */
    public byte[] documentBytes() {
        AttachedFile document = document().orElseThrow(() ->
                new AssertionError("message #" + messageId() + " has no document: " + snapshot));
        return telegram.fileContent(document.fileId()).orElseThrow();
    }

    public int version() {
        return snapshot.version();
    }

    public List<String> editHistory() {
        return snapshot.editHistory();
    }

    public boolean isDeleted() {
        return snapshot.deleted();
    }

    /** The message as it is now (after the bot's edits). */
    public ReceivedMessage current() {
        return new ReceivedMessage(telegram, user, telegram.message(user.chatId(), messageId()).orElseThrow());
    }

    /** Waits until the bot edits this message and returns the new version. */
    public ReceivedMessage awaitEdit() {
        return awaitEdit(telegram.defaultTimeout());
    }

    public ReceivedMessage awaitEdit(Duration timeout) {
        return new ReceivedMessage(telegram, user, telegram.awaitEdit(user.chatId(), messageId(), version(), timeout));
    }

    public ReceivedMessage awaitDeletion(Duration timeout) {
        return new ReceivedMessage(telegram, user, telegram.awaitDeletion(user.chatId(), messageId(), timeout));
    }

    /**
     * Presses an inline button by its label (exact, or the only label starting with it) on the message as it is
     * now, which sends the bot a callback_query.
     */
    public PressedButton pressButton(String label) {
        BotMessage now = telegram.message(user.chatId(), messageId()).orElseThrow();
        InlineButton button = now.button(label).orElseThrow(() -> new AssertionError("message #" + messageId()
                + " has no button '" + label + "'; its buttons are " + now.buttons().stream().map(InlineButton::label)
                .toList() + (now.version() != snapshot.version() ? " (the bot has edited it since this snapshot)" : "")));
        if (button.callbackData() == null) {
            throw new AssertionError("button '" + button.label() + "' has no callback_data (url: " + button.url() + ")");
        }
        EnqueuedUpdate update = telegram.userPressesButton(user, messageId(), button.callbackData());
        return new PressedButton(telegram, button, update);
    }

    @Override
    public String toString() {
        return snapshot.toString();
    }
}
