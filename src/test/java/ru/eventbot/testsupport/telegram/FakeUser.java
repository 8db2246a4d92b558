package ru.eventbot.testsupport.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A Telegram user talking to the bot in their private chat (chat id = user id), for tests that read like the
 * conversation they check:
 * <pre>{@code
 * FakeUser anna = telegram.user("Anna", "Smith").withLanguage("en");
 * anna.sends("/start");
 * anna.awaitMessage().pressButton("Materials");
 * anna.noMoreMessagesWithin(Duration.ofMillis(300));
 * }</pre>
 */
public final class FakeUser {

    /** What Telegram tells the bot about the user. */
    public record Profile(long id, String firstName, String lastName, String username, String languageCode) {
    }

    private final FakeTelegram telegram;
    private volatile Profile profile;

    FakeUser(FakeTelegram telegram, Profile profile) {
        this.telegram = telegram;
        this.profile = profile;
    }

    public Profile profile() {
        return profile;
    }

    public long id() {
        return profile.id();
    }

    /** The private chat with the bot; same as the user id. */
    public long chatId() {
        return profile.id();
    }

    public String firstName() {
        return profile.firstName();
    }

    public String lastName() {
        return profile.lastName();
    }

    public String username() {
        return profile.username();
    }

    public String languageCode() {
        return profile.languageCode();
    }

    /** Changes the {@code language_code} of this user's future updates (default {@code ru}). */
    public FakeUser withLanguage(String languageCode) {
        Profile current = profile;
        profile = new Profile(current.id(), current.firstName(), current.lastName(), current.username(), languageCode);
        return this;
    }

    public FakeUser withUsername(String username) {
        Profile current = profile;
        profile = new Profile(current.id(), current.firstName(), current.lastName(), username, current.languageCode());
        return this;
    }

    /** Lets the bot write first, as if the user had started it before the test. */
    public FakeUser knownToTheBot() {
        telegram.markKnownToTheBot(this);
        return this;
    }

    // ---- actions ---------------------------------------------------------------------------------------------

    /** Sends a text message; a leading {@code /command} gets its bot_command entity. */
    public EnqueuedUpdate sends(String text) {
        return telegram.userSends(this, text);
    }

    /** Sends {@code text} with {@code formatted} (a part of it) in one style, such as "bold". */
    public EnqueuedUpdate sendsFormatted(String text, String formatted, String entityType) {
        int offset = text.indexOf(formatted);
        if (offset < 0) {
            throw new IllegalArgumentException("'" + formatted + "' is not part of '" + text + "'");
        }
        return telegram.userSendsFormatted(this, text, entityType, offset, formatted.length());
    }

    public EnqueuedUpdate sendsDocument(String fileName, byte[] content) {
        return sendsDocument(fileName, FileStore.guessMimeType(fileName), content, null);
    }

    public EnqueuedUpdate sendsDocument(String fileName, String mimeType, byte[] content, String caption) {
        return telegram.userSendsDocument(this, fileName, mimeType, content, caption);
    }

    /** Edits a message this user sent earlier. */
    public EnqueuedUpdate edits(EnqueuedUpdate ownMessage, String newText) {
        return telegram.userEdits(this, ownMessage.messageId(), newText);
    }

    /** Presses the button with this label (or the only one starting with it) on a bot message. */
    public PressedButton pressesButton(ReceivedMessage message, String label) {
        return message.pressButton(label);
    }

    /** Sets this user's reaction on a message; no emoji removes it. */
    public EnqueuedUpdate reactsTo(ReceivedMessage message, String... emoji) {
        return telegram.userReacts(this, message.messageId(), emoji);
    }

    /** Blocks the bot: sends get 403 from now on, and the bot gets a my_chat_member update (kicked). */
    public EnqueuedUpdate blocksTheBot() {
        return telegram.blocksTheBot(this, true);
    }

    /** Blocks the bot without the my_chat_member update, so the bot only learns it from a 403. */
    public void blocksTheBotSilently() {
        telegram.blocksTheBot(this, false);
    }

    /** Restarts the bot: sends work again; the bot gets a my_chat_member update (member). */
    public EnqueuedUpdate unblocksTheBot() {
        return telegram.unblocksTheBot(this);
    }

    // ---- what the user sees ----------------------------------------------------------------------------------

    /** The next bot message in this chat (each message is returned once, in order). */
    public ReceivedMessage awaitMessage() {
        return awaitMessage(telegram.defaultTimeout());
    }

    public ReceivedMessage awaitMessage(Duration timeout) {
        return new ReceivedMessage(telegram, this, telegram.awaitMessageTo(chatId(), timeout));
    }

    /** The next {@code count} bot messages, each within the default timeout. */
    public List<ReceivedMessage> awaitMessages(int count) {
        List<ReceivedMessage> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(awaitMessage());
        }
        return messages;
    }

    /** Asserts the bot sends nothing to this chat (beyond what was already awaited) within {@code period}. */
    public void noMoreMessagesWithin(Duration period) {
        telegram.assertNoMoreMessagesTo(chatId(), period);
    }

    /** All bot messages in the chat as they look now (edited, without deleted ones). */
    public List<ReceivedMessage> messages() {
        return telegram.messagesTo(chatId()).stream().map(message -> new ReceivedMessage(telegram, this, message))
                .toList();
    }

    @Override
    public String toString() {
        Profile current = profile;
        return current.firstName() + (current.lastName() == null ? "" : " " + current.lastName())
                + " (id " + current.id() + ")";
    }
}
