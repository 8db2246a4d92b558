package ru.eventbot.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * What a person on the chat page does, turned into the updates Telegram would send the bot: a message they write,
 * a button they press (only one that is on the message), a reaction they set or take back.
 */
final class ParticipantSide {

    /** Reactions a person can set from the page (Telegram offers more; these are the ones the bot reads as likes). */
    static final Set<String> REACTIONS = Set.of("👍", "❤", "🔥", "👎");

    private final ObjectMapper mapper;
    private final SimulatedUsers users;
    private final ChatLog chats;
    private final UpdateFeed feed;
    private final BotApiStandIn api;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ParticipantSide(ObjectMapper mapper, SimulatedUsers users, ChatLog chats, UpdateFeed feed, BotApiStandIn api,
                    Clock clock) {
        this.mapper = mapper;
        this.users = users;
        this.chats = chats;
        this.feed = feed;
        this.api = api;
        this.clock = clock;
    }

    SimulatedUser person(long id) {
        return users.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "There is no participant " + id + " in the sandbox."));
    }

    /** A text message to the bot; commands at its start get their {@code bot_command} entity, as in Telegram. */
    ChatLog.Entry write(long personId, String text) {
        if (text == null || text.isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The message is empty.");
        }
        if (text.length() > BotApiStandIn.MAX_TEXT) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "The message is longer than Telegram's " + BotApiStandIn.MAX_TEXT + " characters.");
        }
        var person = users.update(person(personId).asStarted());
        var entry = chats.add(person.id(), false, messageId -> {
            var message = userMessage(person, messageId);
            message.put("text", text);
            if (text.startsWith("/") && text.length() > 1) {
                var end = 1;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                message.putArray("entities").addObject().put("offset", 0).put("length", end)
                        .put("type", "bot_command");
            }
            return message;
        });
        feed.add(update("message", entry.json().deepCopy()));
        return entry;
    }

    /** Presses an inline button of one of the bot's messages; returns the callback query's id. */
    String press(long personId, int messageId, String callbackData) {
        var person = person(personId);
        var message = chats.find(person.id(), messageId).filter(ChatLog.Entry::fromBot).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no message " + messageId
                        + " from the bot in this chat."));
        if (!hasButton(message.json(), callbackData)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "Message " + messageId + " has no button with this callback data.");
        }
        var id = Long.toUnsignedString(random.nextLong());
        chats.rememberCallback(id, person.id());
        var query = mapper.createObjectNode();
        query.put("id", id);
        query.set("from", api.user(person));
        query.set("message", message.json().deepCopy());
        query.put("chat_instance", Long.toString(person.id() * 7919L + 104729L));
        query.put("data", callbackData);
        feed.add(update("callback_query", query));
        return id;
    }

    /** Sets a reaction on a message of the chat, or takes it back ({@code emoji} null or empty). */
    void react(long personId, int messageId, String emoji) {
        var person = person(personId);
        var newReaction = emoji == null || emoji.isBlank() ? null : emoji.strip();
        if (newReaction != null && !REACTIONS.contains(newReaction)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The sandbox offers the reactions "
                    + String.join(" ", REACTIONS) + ".");
        }
        var previous = new String[1];
        chats.change(person.id(), messageId, "no such message", entry -> {
            previous[0] = entry.participantReaction();
            return entry.withParticipantReaction(newReaction);
        });
        var reaction = mapper.createObjectNode();
        reaction.set("chat", api.privateChat(person));
        reaction.put("message_id", messageId);
        reaction.set("user", api.user(person));
        reaction.put("date", clock.instant().getEpochSecond());
        reaction.set("old_reaction", emojiList(previous[0]));
        reaction.set("new_reaction", emojiList(newReaction));
        feed.add(update("message_reaction", reaction));
    }

    private com.fasterxml.jackson.databind.node.ArrayNode emojiList(String emoji) {
        var list = mapper.createArrayNode();
        if (emoji != null) {
            list.addObject().put("type", "emoji").put("emoji", emoji);
        }
        return list;
    }

    private ObjectNode userMessage(SimulatedUser person, int messageId) {
        var message = mapper.createObjectNode();
        message.put("message_id", messageId);
        message.set("from", api.user(person));
        message.set("chat", api.privateChat(person));
        message.put("date", clock.instant().getEpochSecond());
        return message;
    }

    private ObjectNode update(String type, ObjectNode payload) {
        var update = mapper.createObjectNode();
        update.set(type, payload);
        return update;
    }

    static boolean hasButton(ObjectNode message, String callbackData) {
        if (callbackData == null) {
            return false;
        }
        for (var row : message.path("reply_markup").path("inline_keyboard")) {
            for (var button : row) {
                if (callbackData.equals(button.path("callback_data").asText(null))) {
                    return true;
                }
            }
        }
        return false;
    }

    List<SimulatedUser> people() {
        return users.all();
    }
}
