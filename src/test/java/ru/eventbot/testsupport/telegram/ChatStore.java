package ru.eventbot.testsupport.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Chats and their messages. One lock guards everything; every change signals waiters, so waiting for a bot
 * message is event-driven.
 */
final class ChatStore {

    /** Mutable chat state; only touched while holding the store's lock (inside {@link #read}/{@link #change}). */
    static final class ChatState {
        final long chatId;
        final FakeUser user;
        final ObjectNode rawChat;
        boolean known;
        boolean blocked;
        int lastMessageId;
        final List<BotMessage> botMessages = new ArrayList<>();
        final Map<Integer, Integer> botMessageIndex = new HashMap<>();
        final Map<Integer, ObjectNode> userMessages = new HashMap<>();
        final Map<Integer, List<String>> userReactions = new HashMap<>();
        final Map<Integer, List<String>> botReactions = new HashMap<>();
        /** Position of the next bot message {@link #awaitNextBotMessage} returns. */
        int cursor;
        private final int historyLimit;
        /** Messages with ids up to this one are forgotten (see {@link Builder#messageHistoryLimit}). */
        private int forgottenUpTo;

        ChatState(long chatId, FakeUser user, ObjectNode rawChat, int historyLimit) {
            this.chatId = chatId;
            this.user = user;
            this.rawChat = rawChat;
            this.historyLimit = historyLimit;
        }

        int nextMessageId() {
            return ++lastMessageId;
        }

        Optional<BotMessage> botMessage(int messageId) {
            Integer index = botMessageIndex.get(messageId);
            return index == null ? Optional.empty() : Optional.of(botMessages.get(index));
        }

        void addBotMessage(BotMessage message) {
            botMessageIndex.put(message.messageId(), botMessages.size());
            botMessages.add(message);
            forgetBeyondLimit();
        }

        void addUserMessage(int messageId, ObjectNode json) {
            userMessages.put(messageId, json);
            forgetBeyondLimit();
        }

        /**
         * Keeps the bodies of the last {@code historyLimit} messages only: a benchmark's fake would otherwise hold
         * every message of the run in the bot's JVM, and its collector would copy them, which a real Telegram
         * costs the bot nothing. A forgotten bot message leaves a null in {@link #botMessages}.
         */
        private void forgetBeyondLimit() {
            if (historyLimit == Integer.MAX_VALUE) {
                return;
            }
            while (forgottenUpTo < lastMessageId - historyLimit) {
                forgottenUpTo++;
                userMessages.remove(forgottenUpTo);
                userReactions.remove(forgottenUpTo);
                botReactions.remove(forgottenUpTo);
                Integer index = botMessageIndex.remove(forgottenUpTo);
                if (index != null) {
                    botMessages.set(index, null);
                }
            }
        }

        void replaceBotMessage(BotMessage message) {
            botMessages.set(botMessageIndex.get(message.messageId()), message);
        }

        boolean hasMessage(int messageId) {
            return botMessageIndex.containsKey(messageId) || userMessages.containsKey(messageId);
        }

        void requireKnown() {
            if (!known) {
                throw BotApiError.badRequest("chat not found");
            }
        }
    }

    private static final Pattern NUMERIC_CHAT_ID = Pattern.compile("-?\\d{1,19}");

    /** A {@code chat_id} parameter (number or numeric string); {@code @username}s name no chat the fake has. */
    static long chatIdParameter(JsonNode chatId) {
        if (chatId.isIntegralNumber()) {
            return chatId.asLong();
        }
        String text = chatId.asText();
        if (NUMERIC_CHAT_ID.matcher(text).matches()) {
            return Long.parseLong(text);
        }
        throw BotApiError.badRequest("chat not found");
    }

    private final ReentrantLock lock;
    private final Condition changed;
    private final Map<Long, ChatState> chats = new HashMap<>();
    private final int historyLimit;
    private long botMessagesSent;

    /**
     * @param lock shared with the rest of the fake's state, see {@link FakeTelegram}
     * @param historyLimit how many of its latest messages each chat keeps ({@link Integer#MAX_VALUE}: all)
     */
    ChatStore(ReentrantLock lock, int historyLimit) {
        this.lock = lock;
        this.changed = lock.newCondition();
        this.historyLimit = historyLimit;
    }

    void addPrivateChat(FakeUser user) {
        lock.lock();
        try {
            if (chats.containsKey(user.id())) {
                throw new IllegalArgumentException("a user or chat with id " + user.id() + " already exists");
            }
            chats.put(user.id(), new ChatState(user.id(), user, null, historyLimit));
        } finally {
            lock.unlock();
        }
    }

    /** Makes sure a chat seen in a raw update exists and is known to the bot. */
    void registerRawChat(long chatId, ObjectNode chat) {
        lock.lock();
        try {
            chats.computeIfAbsent(chatId, id -> new ChatState(id, null, chat, historyLimit)).known = true;
        } finally {
            lock.unlock();
        }
    }

    Optional<FakeUser> user(long userId) {
        lock.lock();
        try {
            ChatState chat = chats.get(userId);
            return chat == null ? Optional.empty() : Optional.ofNullable(chat.user);
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code action} on a chat that must exist; signals waiters afterwards. */
    <T> T change(long chatId, Function<ChatState, T> action) {
        lock.lock();
        try {
            ChatState chat = chats.get(chatId);
            if (chat == null) {
                throw BotApiError.badRequest("chat not found");
            }
            T result = action.apply(chat);
            changed.signalAll();
            return result;
        } finally {
            lock.unlock();
        }
    }

    /** Like {@link #change}, for chats the bot may write to: known to it and not blocked. */
    <T> T changeWritable(long chatId, Function<ChatState, T> action) {
        return change(chatId, chat -> {
            chat.requireKnown();
            if (chat.blocked) {
                throw BotApiError.forbidden("bot was blocked by the user");
            }
            return action.apply(chat);
        });
    }

    <T> T read(long chatId, Function<ChatState, T> query) {
        lock.lock();
        try {
            ChatState chat = chats.get(chatId);
            if (chat == null) {
                throw new IllegalArgumentException("no chat " + chatId + " in the fake Telegram");
            }
            return query.apply(chat);
        } finally {
            lock.unlock();
        }
    }

    /** Stores a new bot message in a writable chat; {@code create} takes the id from {@link ChatState#nextMessageId}. */
    BotMessage sendBotMessage(long chatId, Function<ChatState, BotMessage> create) {
        return changeWritable(chatId, chat -> {
            BotMessage message = create.apply(chat);
            chat.addBotMessage(message);
            botMessagesSent++;
            return message;
        });
    }

    long botMessagesSent() {
        lock.lock();
        try {
            return botMessagesSent;
        } finally {
            lock.unlock();
        }
    }

    List<BotMessage> currentBotMessages(long chatId) {
        return read(chatId, chat -> chat.botMessages.stream()
                .filter(message -> message != null && !message.deleted()).toList());
    }

    BotMessage awaitNextBotMessage(long chatId, Duration timeout) {
        return await(chatId, timeout, chat -> {
            if (chat.cursor < chat.botMessages.size()) {
                return chat.botMessages.get(chat.cursor++);
            }
            return null;
        }, () -> "expected a message to chat " + chatId + " within " + describe(timeout) + "; " + history(chatId));
    }

    /** Fails if a bot message that was not consumed yet arrives (or is already there) within {@code period}. */
    void assertNoNewBotMessage(long chatId, Duration period) {
        long remaining = period.toNanos();
        lock.lock();
        try {
            ChatState chat = existing(chatId);
            while (true) {
                if (chat.cursor < chat.botMessages.size()) {
                    List<BotMessage> unexpected = chat.botMessages.subList(chat.cursor, chat.botMessages.size());
                    throw new AssertionError("expected no more messages to chat " + chatId + " within "
                            + describe(period) + " but got " + unexpected);
                }
                if (remaining <= 0) {
                    return;
                }
                remaining = changed.awaitNanos(remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            lock.unlock();
        }
    }

    BotMessage awaitBotMessage(long chatId, int messageId, Predicate<BotMessage> condition, String expectation,
                               Duration timeout) {
        return await(chatId, timeout, chat -> chat.botMessage(messageId).filter(condition).orElse(null),
                () -> "expected message #" + messageId + " in chat " + chatId + " to be " + expectation + " within "
                        + describe(timeout) + "; it is " + read(chatId, chat -> chat.botMessage(messageId))
                        .map(BotMessage::toString).orElse("unknown"));
    }

    private <T> T await(long chatId, Duration timeout, Function<ChatState, T> probe,
                        java.util.function.Supplier<String> failure) {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            ChatState chat = existing(chatId);
            while (true) {
                T result = probe.apply(chat);
                if (result != null) {
                    return result;
                }
                if (remaining <= 0) {
                    throw new AssertionError(failure.get());
                }
                remaining = changed.awaitNanos(remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting on chat " + chatId, e);
        } finally {
            lock.unlock();
        }
    }

    private ChatState existing(long chatId) {
        ChatState chat = chats.get(chatId);
        if (chat == null) {
            throw new IllegalArgumentException("no chat " + chatId + " in the fake Telegram");
        }
        return chat;
    }

    private String history(long chatId) {
        return read(chatId, chat -> {
            if (chat.botMessages.isEmpty()) {
                return "the chat has no bot messages" + (chat.known ? "" : " (the user never wrote to the bot)")
                        + (chat.blocked ? " (the user has blocked the bot)" : "");
            }
            StringBuilder text = new StringBuilder("chat has (already consumed: first ").append(chat.cursor).append("):");
            chat.botMessages.forEach(message -> text.append("\n  ").append(message));
            return text.toString();
        });
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}
