package ru.eventbot.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

/**
 * The private chats of the sandbox as Telegram would keep them: every message with its current JSON (edits replace
 * it), and the alerts callback answers showed. Every change gets the next version number, so the chat page asks
 * for what changed since the version it has seen and shows edits in place.
 */
final class ChatLog {

    static final int KEPT_PER_CHAT = 500;

    /** A message in a chat; {@code json} is the Message object as the Bot API returns it. */
    record Entry(long chatId, int messageId, boolean fromBot, ObjectNode json, List<String> botReactions,
                 String participantReaction, boolean deleted, long version) {

        Entry withJson(ObjectNode newJson) {
            return new Entry(chatId, messageId, fromBot, newJson, botReactions, participantReaction, deleted, 0);
        }

        Entry withBotReactions(List<String> reactions) {
            return new Entry(chatId, messageId, fromBot, json, List.copyOf(reactions), participantReaction, deleted, 0);
        }

        Entry withParticipantReaction(String reaction) {
            return new Entry(chatId, messageId, fromBot, json, botReactions, reaction, deleted, 0);
        }

        Entry asDeleted() {
            return new Entry(chatId, messageId, fromBot, json, botReactions, participantReaction, true, 0);
        }

        private Entry at(long newVersion) {
            return new Entry(chatId, messageId, fromBot, json, botReactions, participantReaction, deleted, newVersion);
        }
    }

    /** What answerCallbackQuery showed: a toast, or an alert the person has to close ({@code showAlert}). */
    record Alert(long chatId, String callbackQueryId, String text, boolean showAlert, long version) {
    }

    record Changes(long version, List<Entry> messages, List<Alert> alerts) {
    }

    private final IdSequence messageIds;
    private final Map<Long, LinkedHashMap<Integer, Entry>> chats = new HashMap<>();
    private final Map<Long, Deque<Alert>> alerts = new HashMap<>();
    private final Map<String, Long> unansweredCallbacks = new LinkedHashMap<>();
    private long version;

    ChatLog(IdSequence messageIds) {
        this.messageIds = messageIds;
    }

    synchronized Entry add(long chatId, boolean fromBot, IntFunction<ObjectNode> jsonForMessageId) {
        var messageId = Math.toIntExact(messageIds.next());
        var entry = new Entry(chatId, messageId, fromBot, jsonForMessageId.apply(messageId), List.of(), null, false,
                ++version);
        var chat = chats.computeIfAbsent(chatId, id -> new LinkedHashMap<>());
        chat.put(messageId, entry);
        if (chat.size() > KEPT_PER_CHAT) {
            chat.remove(chat.keySet().iterator().next());
        }
        return entry;
    }

    synchronized Optional<Entry> find(long chatId, int messageId) {
        var chat = chats.get(chatId);
        return Optional.ofNullable(chat == null ? null : chat.get(messageId)).filter(entry -> !entry.deleted());
    }

    /**
     * Replaces a message by what {@code change} makes of it (which may throw to refuse), with a new version.
     *
     * @throws BotApiFailure when there is no such message
     */
    synchronized Entry change(long chatId, int messageId, String notFound, UnaryOperator<Entry> change) {
        var current = find(chatId, messageId).orElseThrow(() -> BotApiFailure.badRequest(notFound));
        var changed = change.apply(current).at(++version);
        chats.get(chatId).put(messageId, changed);
        return changed;
    }

    synchronized void alert(long chatId, String callbackQueryId, String text, boolean showAlert) {
        var chatAlerts = alerts.computeIfAbsent(chatId, id -> new ArrayDeque<>());
        chatAlerts.addLast(new Alert(chatId, callbackQueryId, text, showAlert, ++version));
        if (chatAlerts.size() > 50) {
            chatAlerts.removeFirst();
        }
    }

    /** Whether the bot sent this file (a document or photo) to the chat. */
    synchronized boolean hasFile(long chatId, String fileId) {
        var chat = chats.get(chatId);
        return chat != null && chat.values().stream().filter(Entry::fromBot).map(Entry::json).anyMatch(json ->
                fileId.equals(json.path("document").path("file_id").asText(null))
                        || json.path("photo").findValuesAsText("file_id").contains(fileId));
    }

    /** A button press the bot has yet to answer (answerCallbackQuery): at most once, as in Telegram. */
    synchronized void rememberCallback(String callbackQueryId, long chatId) {
        unansweredCallbacks.put(callbackQueryId, chatId);
        if (unansweredCallbacks.size() > 1000) {
            unansweredCallbacks.remove(unansweredCallbacks.keySet().iterator().next());
        }
    }

    synchronized Optional<Long> takeCallback(String callbackQueryId) {
        return Optional.ofNullable(unansweredCallbacks.remove(callbackQueryId));
    }

    /** Messages (deleted ones too, so the page removes them) and alerts of a chat changed after {@code since}. */
    synchronized Changes since(long chatId, long since) {
        var messages = new ArrayList<Entry>();
        var chat = chats.get(chatId);
        if (chat != null) {
            chat.values().stream().filter(entry -> entry.version() > since).forEach(messages::add);
        }
        var newAlerts = alerts.getOrDefault(chatId, new ArrayDeque<>()).stream()
                .filter(alert -> alert.version() > since).toList();
        return new Changes(version, messages, newAlerts);
    }
}
