package ru.eventbot.testsupport.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.telegram.telegrambots.meta.TelegramUrl;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * A fake Telegram Bot API server for end-to-end tests: a real HTTP server on 127.0.0.1 that validates every call
 * against the Bot API spec and simulates users, chats, updates (getUpdates and webhooks), files and faults.
 *
 * <pre>{@code
 * try (FakeTelegram telegram = FakeTelegram.start()) {
 *     // point the bot at telegram.telegramUrl() with telegram.token()
 *     FakeUser alexander = telegram.user("Александр", "Духанин");
 *     alexander.sends("/start");
 *     ReceivedMessage greeting = alexander.awaitMessage();
 *     greeting.pressButton("👍").awaitAnswer();
 *     telegram.assertNoValidationErrors();
 * }
 * }</pre>
 * Thread-safe. {@link #close()} stops all its threads.
 */
public final class FakeTelegram implements AutoCloseable {

    public static final String DEFAULT_TOKEN = "123456789:FAKE_TOKEN_for_tests_only";
    public static final String DEFAULT_BOT_USERNAME = "eventbot_test_bot";

    private final Builder config;
    private final String token;
    private final ObjectMapper mapper = new ObjectMapper();
    private final TelegramApiSpec spec = TelegramApiSpec.shared();
    private final List<FakeTelegramListener> listeners = new CopyOnWriteArrayList<>();
    private final List<ValidationError> validationErrors = Collections.synchronizedList(new ArrayList<>());
    /**
     * One lock for chats, callback queries and the call log: the server executes and records a call while
     * holding it, so a test that sees a call's effect also sees the call. Long polls do not hold it.
     */
    private final ReentrantLock stateLock = new ReentrantLock();
    private final ChatStore chats;
    private final FileStore files = new FileStore();
    private final CallbackQueries callbacks = new CallbackQueries(stateLock);
    private final FaultInjector faults = new FaultInjector();
    private final CallLog calls;
    private final UpdateQueue updates;
    private final UpdateFactory factory;
    private final BotApiMethods methods;
    private final FakeTelegramServer server;
    private final WebhookDeliverer webhook;
    private final AtomicLong nextUserId;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Set<String> reactionEmoji;

    private FakeTelegram(Builder config) {
        this.config = config;
        this.token = config.token;
        this.calls = new CallLog(config.callHistoryLimit, stateLock);
        this.chats = new ChatStore(stateLock, config.messageHistoryLimit);
        this.updates = new UpdateQueue(mapper, config.firstUpdateId, config.conflictOnOverlappingPolls);
        this.factory = new UpdateFactory(mapper, botUserJson(config));
        this.methods = new BotApiMethods(mapper, chats, files, callbacks, updates, factory, listeners);
        this.nextUserId = new AtomicLong(config.firstUserId);
        this.reactionEmoji = Set.copyOf(spec.reactionEmoji());
        this.server = new FakeTelegramServer(token, mapper, spec, methods, files, faults, calls,
                validationErrors::add, listeners, stateLock, config.httpThreads);
        this.webhook = new WebhookDeliverer(updates, config.webhookRetryDelay, this::served);
    }

    private ObjectNode botUserJson(Builder config) {
        ObjectNode bot = mapper.createObjectNode();
        bot.put("id", botIdOf(config.token));
        bot.put("is_bot", true);
        bot.put("first_name", config.botFirstName);
        bot.put("username", config.botUsername);
        return bot;
    }

    private static long botIdOf(String token) {
        int colon = token.indexOf(':');
        try {
            return Long.parseLong(colon < 0 ? token : token.substring(0, colon));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a bot token looks like <bot id>:<secret>, got " + token, e);
        }
    }

    /** Starts a fake with {@link #DEFAULT_TOKEN}. */
    public static FakeTelegram start() {
        return builder().start();
    }

    public static FakeTelegram start(String token) {
        return builder().token(token).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String token = DEFAULT_TOKEN;
        private String botUsername = DEFAULT_BOT_USERNAME;
        private String botFirstName = "EventBot Test";
        private int httpThreads = 24;
        private Duration webhookRetryDelay = Duration.ofMillis(200);
        private int callHistoryLimit = 20_000;
        private int messageHistoryLimit = Integer.MAX_VALUE;
        private boolean conflictOnOverlappingPolls = true;
        private Duration defaultTimeout = Duration.ofSeconds(5);
        private long firstUserId = 7_000_000_001L;
        private long firstUpdateId = 100_000_001L;

        private Builder() {
        }

        public Builder token(String token) {
            this.token = Objects.requireNonNull(token);
            return this;
        }

        public Builder botUsername(String botUsername) {
            this.botUsername = botUsername;
            return this;
        }

        public Builder botFirstName(String botFirstName) {
            this.botFirstName = botFirstName;
            return this;
        }

        public Builder httpThreads(int httpThreads) {
            this.httpThreads = httpThreads;
            return this;
        }

        /** How long to wait before re-POSTing an update the webhook did not accept (Telegram: seconds to minutes). */
        public Builder webhookRetryDelay(Duration webhookRetryDelay) {
            this.webhookRetryDelay = webhookRetryDelay;
            return this;
        }

        /** How many calls {@link #calls()} keeps (older ones are dropped). */
        public Builder callHistoryLimit(int callHistoryLimit) {
            this.callHistoryLimit = callHistoryLimit;
            return this;
        }

        /**
         * How many of its latest messages each chat keeps (all, unless set): for benchmarks, whose fake would
         * otherwise hold every message of the run in the JVM it measures. Older ones are forgotten, so waiting for
         * a chat's messages does not work with a limit.
         */
        public Builder messageHistoryLimit(int messageHistoryLimit) {
            this.messageHistoryLimit = messageHistoryLimit;
            return this;
        }

        /** Whether a getUpdates overlapping a waiting one terminates the older with 409, as Telegram does. */
        public Builder conflictOnOverlappingPolls(boolean conflictOnOverlappingPolls) {
            this.conflictOnOverlappingPolls = conflictOnOverlappingPolls;
            return this;
        }

        /** The timeout of awaits without an explicit one, e.g. {@link FakeUser#awaitMessage()}. */
        public Builder defaultTimeout(Duration defaultTimeout) {
            this.defaultTimeout = defaultTimeout;
            return this;
        }

        /** User ids are allocated from here; the default is above 2^32, like recent Telegram accounts. */
        public Builder firstUserId(long firstUserId) {
            this.firstUserId = firstUserId;
            return this;
        }

        public Builder firstUpdateId(long firstUpdateId) {
            this.firstUpdateId = firstUpdateId;
            return this;
        }

        public FakeTelegram start() {
            return new FakeTelegram(this);
        }
    }

    // ---- connection ----------------------------------------------------------------------------------------------

    public String token() {
        return token;
    }

    public int port() {
        return server.port();
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** For {@code new OkHttpTelegramClient(okHttpClient, token, telegramUrl)} and the long-polling application. */
    public TelegramUrl telegramUrl() {
        return new TelegramUrl("http", "127.0.0.1", port(), false);
    }

    public long botId() {
        return factory.botUser().path("id").asLong();
    }

    public String botUsername() {
        return config.botUsername;
    }

    public Duration defaultTimeout() {
        return config.defaultTimeout;
    }

    // ---- users ---------------------------------------------------------------------------------------------------

    /** A new user with language {@code ru}; the bot cannot write to them until they write to it. */
    public FakeUser user(String firstName, String lastName) {
        return user(nextUserId.getAndIncrement(), firstName, lastName);
    }

    public FakeUser user(long id, String firstName, String lastName) {
        FakeUser user = new FakeUser(this, new FakeUser.Profile(id, firstName, lastName, null, "ru"));
        chats.addPrivateChat(user);
        return user;
    }

    public Optional<FakeUser> findUser(long id) {
        return chats.user(id);
    }

    /** Lets the bot write to the user without them writing first, as if they had started the bot earlier. */
    public void markKnownToTheBot(FakeUser user) {
        chats.change(user.id(), chat -> chat.known = true);
    }

    // ---- what users do (enqueues updates) ------------------------------------------------------------------------

    public EnqueuedUpdate userSends(FakeUser user, String text) {
        long date = now();
        ObjectNode message = chats.change(user.id(), chat -> {
            requireNotBlocked(chat, user);
            chat.known = true;
            int messageId = chat.nextMessageId();
            ObjectNode json = factory.userTextMessage(user.profile(), messageId, date, text);
            chat.addUserMessage(messageId, json);
            return json;
        });
        return enqueue("message", message, user.id());
    }

    /** A text with one formatting entity (bold, italic, text_link...) over {@code text[offset, offset+length)}. */
    public EnqueuedUpdate userSendsFormatted(FakeUser user, String text, String entityType, int offset, int length) {
        long date = now();
        ObjectNode message = chats.change(user.id(), chat -> {
            requireNotBlocked(chat, user);
            chat.known = true;
            int messageId = chat.nextMessageId();
            ObjectNode json = factory.userTextMessage(user.profile(), messageId, date, text);
            ObjectNode entity = json.putArray("entities").addObject();
            entity.put("type", entityType);
            entity.put("offset", offset);
            entity.put("length", length);
            chat.addUserMessage(messageId, json);
            return json;
        });
        return enqueue("message", message, user.id());
    }

    public EnqueuedUpdate userSendsDocument(FakeUser user, String fileName, String mimeType, byte[] content,
                                           String caption) {
        FileStore.StoredFile file = files.store("documents", fileName, mimeType, content, false);
        long date = now();
        ObjectNode message = chats.change(user.id(), chat -> {
            requireNotBlocked(chat, user);
            chat.known = true;
            int messageId = chat.nextMessageId();
            ObjectNode json = factory.userDocumentMessage(user.profile(), messageId, date, file, caption);
            chat.addUserMessage(messageId, json);
            return json;
        });
        return enqueue("message", message, user.id());
    }

    /** The user edits the text of a message they sent earlier ({@code edited_message}). */
    public EnqueuedUpdate userEdits(FakeUser user, int messageId, String newText) {
        ObjectNode edited = chats.change(user.id(), chat -> {
            ObjectNode original = chat.userMessages.get(messageId);
            if (original == null) {
                throw new IllegalArgumentException(user + " has no message #" + messageId + " to edit");
            }
            ObjectNode json = factory.editedMessage(original, newText, now());
            chat.addUserMessage(messageId, json);
            return json;
        });
        return enqueue("edited_message", edited, user.id());
    }

    /** A {@code callback_query} with a fresh id for an inline button with {@code callbackData} on a bot message. */
    public EnqueuedUpdate userPressesButton(FakeUser user, int messageId, String callbackData) {
        ObjectNode message = chats.change(user.id(), chat -> {
            requireNotBlocked(chat, user);
            BotMessage pressed = chat.botMessage(messageId).orElseThrow(() -> new IllegalArgumentException(
                    "the bot sent no message #" + messageId + " to " + user));
            if (pressed.deleted()) {
                throw new IllegalStateException("message #" + messageId + " was deleted; " + user + " cannot press it");
            }
            return pressed.sharedJson();
        });
        String id = callbacks.issue();
        return enqueue("callback_query", factory.callbackQuery(id, user.profile(), message, callbackData), user.id());
    }

    /** Sets the user's reaction on a message (no emoji = removes it); old_reaction is their previous one. */
    public EnqueuedUpdate userReacts(FakeUser user, int messageId, String... emoji) {
        for (String value : emoji) {
            if (!reactionEmoji.contains(value)) {
                throw new IllegalArgumentException(value + " is not a reaction Telegram allows: " + reactionEmoji);
            }
        }
        List<String> newReaction = List.of(emoji);
        long date = now();
        ObjectNode reaction = chats.change(user.id(), chat -> {
            requireNotBlocked(chat, user);
            if (!chat.hasMessage(messageId)) {
                throw new IllegalArgumentException("chat of " + user + " has no message #" + messageId);
            }
            List<String> oldReaction = chat.userReactions.getOrDefault(messageId, List.of());
            chat.userReactions.put(messageId, newReaction);
            return factory.messageReaction(user.profile(), messageId, date, oldReaction, newReaction);
        });
        return enqueue("message_reaction", reaction, user.id());
    }

    /**
     * From now on the bot gets 403 {@code Forbidden: bot was blocked by the user} writing to the user.
     *
     * @param notifyBot whether to enqueue the {@code my_chat_member} update (member -> kicked) Telegram sends
     * @return the update, or null without notification
     */
    public EnqueuedUpdate blocksTheBot(FakeUser user, boolean notifyBot) {
        chats.change(user.id(), chat -> chat.blocked = true);
        return notifyBot ? enqueue("my_chat_member", factory.myChatMember(user.profile(), now(), "member", "kicked"),
                user.id()) : null;
    }

    /** The user restarts the bot: writing works again; enqueues {@code my_chat_member} (kicked -> member). */
    public EnqueuedUpdate unblocksTheBot(FakeUser user) {
        chats.change(user.id(), chat -> {
            chat.blocked = false;
            chat.known = true;
            return null;
        });
        return enqueue("my_chat_member", factory.myChatMember(user.profile(), now(), "kicked", "member"), user.id());
    }

    /** A channel where the bot is an administrator: it may post there, and report its posts' reactions. */
    public void channel(long chatId, String title) {
        chats.registerRawChat(chatId, mapper.createObjectNode().put("id", chatId).put("type", "channel")
                .put("title", title));
    }

    /** Telegram reports the anonymous reactions now on a channel message ({@code message_reaction_count}). */
    public EnqueuedUpdate channelReactionCounts(long chatId, int messageId, Map<String, Integer> counts) {
        ObjectNode payload = mapper.createObjectNode();
        payload.set("chat", chats.change(chatId, chat -> chat.rawChat.deepCopy()));
        payload.put("message_id", messageId);
        payload.put("date", now());
        var reactions = payload.putArray("reactions");
        counts.forEach((emoji, count) -> {
            ObjectNode reaction = reactions.addObject();
            reaction.putObject("type").put("type", "emoji").put("emoji", emoji);
            reaction.put("total_count", count);
        });
        return enqueue("message_reaction_count", payload, chatId);
    }

    /**
     * Queues any update JSON as is (a copy), assigning {@code update_id} if absent. The chat it mentions becomes
     * known to the bot, so it can answer there.
     */
    public EnqueuedUpdate enqueueRaw(ObjectNode update) {
        ObjectNode copy = update.deepCopy();
        JsonNode payload = copy.path(UpdateQueue.typeOf(copy));
        JsonNode chat = payload.has("chat") ? payload.get("chat") : payload.path("message").path("chat");
        long chatId = 0;
        if (chat.isObject() && chat.has("id")) {
            chatId = chat.get("id").asLong();
            chats.registerRawChat(chatId, (ObjectNode) chat.deepCopy());
            int messageId = payload.path("message_id").asInt(0);
            chats.change(chatId, state -> state.lastMessageId = Math.max(state.lastMessageId, messageId));
        } else if (payload.path("from").has("id")) {
            chatId = payload.path("from").get("id").asLong();
        }
        if (payload.has("id") && UpdateQueue.typeOf(copy).equals("callback_query")) {
            callbacks.register(payload.get("id").asText());
        }
        StoredUpdate stored = updates.add(copy, chatId);
        return new EnqueuedUpdate(stored.updateId(), stored.type(), chatId, copy.deepCopy());
    }

    private EnqueuedUpdate enqueue(String type, ObjectNode payload, long chatId) {
        StoredUpdate stored = updates.add(factory.update(type, payload), chatId);
        return new EnqueuedUpdate(stored.updateId(), type, chatId, stored.json().deepCopy());
    }

    private static void requireNotBlocked(ChatStore.ChatState chat, FakeUser user) {
        if (chat.blocked) {
            throw new IllegalStateException(user + " has blocked the bot; unblock it first (Telegram clients"
                    + " offer 'Restart bot')");
        }
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private void served(StoredUpdate update) {
        long now = System.nanoTime();
        for (FakeTelegramListener listener : listeners) {
            listener.onUpdateServed(update.updateId(), update.chatId(), now);
        }
    }

    // ---- what the bot did ----------------------------------------------------------------------------------------

    /** The next bot message to the chat not returned by an earlier await (a per-chat cursor). */
    public BotMessage awaitMessageTo(long chatId, Duration timeout) {
        return chats.awaitNextBotMessage(chatId, timeout);
    }

    public BotMessage awaitMessageTo(long chatId) {
        return awaitMessageTo(chatId, config.defaultTimeout);
    }

    /** Fails if a bot message the cursor has not passed yet is in the chat or arrives within {@code period}. */
    public void assertNoMoreMessagesTo(long chatId, Duration period) {
        chats.assertNoNewBotMessage(chatId, period);
    }

    /** The bot's messages in the chat as they are now (after edits, without deleted ones). */
    public List<BotMessage> messagesTo(long chatId) {
        return chats.currentBotMessages(chatId);
    }

    /** A bot message's current state, including deleted ones. */
    public Optional<BotMessage> message(long chatId, int messageId) {
        return chats.read(chatId, chat -> chat.botMessage(messageId));
    }

    /** Waits until the bot edits the message to a version after {@code afterVersion}. */
    public BotMessage awaitEdit(long chatId, int messageId, int afterVersion, Duration timeout) {
        return chats.awaitBotMessage(chatId, messageId, message -> message.version() > afterVersion,
                "edited (version > " + afterVersion + ")", timeout);
    }

    public BotMessage awaitDeletion(long chatId, int messageId, Duration timeout) {
        return chats.awaitBotMessage(chatId, messageId, BotMessage::deleted, "deleted", timeout);
    }

    /** How many messages the bot has sent in total (all chats). */
    public long messagesSentCount() {
        return chats.botMessagesSent();
    }

    /** The emoji the bot set with setMessageReaction on a message. */
    public List<String> botReactionsOn(long chatId, int messageId) {
        return chats.read(chatId, chat -> chat.botReactions.getOrDefault(messageId, List.of()));
    }

    public Optional<CallbackAnswer> callbackAnswer(String callbackQueryId) {
        return callbacks.answerTo(callbackQueryId);
    }

    public CallbackAnswer awaitCallbackAnswer(String callbackQueryId, Duration timeout) {
        return callbacks.awaitAnswer(callbackQueryId, timeout);
    }

    /** Commands set for the default scope and a language ({@code ""} or null for all languages). */
    public List<BotCommandEntry> commands(String languageCode) {
        return methods.commands("default", languageCode);
    }

    /**
     * @param scopeKey the scope's {@code type}, followed by {@code :chat_id} and {@code :user_id} where the scope
     *                 has them: {@code default}, {@code all_private_chats}, {@code chat:42}, {@code chat_member:42:7}
     */
    public List<BotCommandEntry> commands(String scopeKey, String languageCode) {
        return methods.commands(scopeKey, languageCode);
    }

    public Optional<byte[]> fileContent(String fileId) {
        return files.byId(fileId).map(FileStore.StoredFile::bytes);
    }

    /** Files the bot uploaded (multipart or URL), as opposed to {@link #fileReuseCount()}. */
    public int uploadCount() {
        return files.uploads();
    }

    /** Sends by an existing file_id. */
    public int fileReuseCount() {
        return files.reuses();
    }

    // ---- updates and webhook -------------------------------------------------------------------------------------

    public int pendingUpdateCount() {
        return updates.pendingCount();
    }

    /**
     * While held, updates are queued but not served: long polls wait as if there were none (a benchmark queues a
     * burst this way while the bot is running). {@link #releaseUpdates()} serves them again.
     */
    public void holdUpdates() {
        updates.hold(true);
    }

    public void releaseUpdates() {
        updates.hold(false);
    }

    public Optional<String> webhookUrl() {
        return updates.webhookStatus().config().map(UpdateQueue.WebhookConfig::url);
    }

    /** The allowed_updates in effect for getUpdates (empty = Telegram's default set). */
    public List<String> allowedUpdates() {
        return updates.allowedUpdates();
    }

    /** Every allowed_updates setting getUpdates used, in order, without consecutive repeats. */
    public List<List<String>> allowedUpdatesHistory() {
        return updates.allowedUpdatesHistory();
    }

    // ---- calls ---------------------------------------------------------------------------------------------------

    /** Recorded calls in the order they were answered (a long poll is recorded when it returns). */
    public List<RecordedCall> calls() {
        return calls.all();
    }

    public List<RecordedCall> calls(String method) {
        return calls.byMethod(method);
    }

    /** The first call of {@code method} (already made or made within {@code timeout}) that matches. */
    public RecordedCall awaitCall(String method, Predicate<RecordedCall> condition, Duration timeout) {
        return calls.await(method, condition, timeout);
    }

    public RecordedCall awaitCall(String method, Duration timeout) {
        return awaitCall(method, call -> true, timeout);
    }

    /** Switch off for benchmarks: keeping calls costs memory. On by default, bounded by the call history limit. */
    public void recordCalls(boolean enabled) {
        calls.setEnabled(enabled);
    }

    public void clearCalls() {
        calls.clear();
    }

    // ---- validation ----------------------------------------------------------------------------------------------

    /** Calls real Telegram would reject (wrong types, unknown fields, limits, wrong token, unknown methods...). */
    public List<ValidationError> validationErrors() {
        synchronized (validationErrors) {
            return List.copyOf(validationErrors);
        }
    }

    /** Throws an AssertionError listing every invalid call made so far. */
    public void assertNoValidationErrors() {
        List<ValidationError> errors = validationErrors();
        if (!errors.isEmpty()) {
            StringBuilder message = new StringBuilder("the bot made ").append(errors.size())
                    .append(" call(s) that Telegram would reject:");
            errors.forEach(error -> message.append("\n  - ").append(error));
            throw new AssertionError(message.toString());
        }
    }

    public void clearValidationErrors() {
        validationErrors.clear();
    }

    // ---- faults --------------------------------------------------------------------------------------------------

    /** The next {@code count} calls of {@code method} (e.g. {@code "sendMessage"}) fail with {@code fault}. */
    public void failNext(String method, int count, Fault fault) {
        faults.failNext(canonicalMethod(method), count, fault);
    }

    /** Every call of {@code method} fails with {@code fault} for {@code window}. */
    public void failFor(String method, Duration window, Fault fault) {
        faults.failFor(canonicalMethod(method), window, fault);
    }

    /** Every call (any method, including getUpdates) fails with {@code fault} for {@code window}. */
    public void failAllFor(Duration window, Fault fault) {
        faults.failFor(null, window, fault);
    }

    /**
     * For {@code window}, each call of {@code method} (null: any, getUpdates included) fails with probability
     * {@code probability}, with one of {@code faults} picked at random; the same seed gives the same choices for the
     * same sequence of calls.
     */
    public void failRandomlyFor(String method, Duration window, double probability, long seed, Fault... faults) {
        this.faults.failRandomlyFor(method == null ? null : canonicalMethod(method), window, probability, seed,
                java.util.List.of(faults));
    }

    /** How many faults the fake has applied to calls so far. */
    public long faultsInjected() {
        return faults.injected();
    }

    public void clearFaults() {
        faults.clear();
    }

    private String canonicalMethod(String method) {
        return spec.method(method).map(TelegramApiSpec.MethodSpec::name).orElseThrow(() ->
                new IllegalArgumentException("no Bot API method " + method + " in " + spec.version()));
    }

    // ---- listeners and lifecycle ---------------------------------------------------------------------------------

    public void addListener(FakeTelegramListener listener) {
        listeners.add(listener);
    }

    public void removeListener(FakeTelegramListener listener) {
        listeners.remove(listener);
    }

    /** Stops the server, wakes up long polls and stops webhook delivery. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            updates.close();
            webhook.close();
            server.close();
        }
    }

    @Override
    public String toString() {
        return "FakeTelegram[" + baseUrl() + ", bot @" + config.botUsername + "]";
    }
}
