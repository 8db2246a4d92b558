package ru.eventbot.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import ru.eventbot.testsupport.telegram.TelegramApiSpec;
import ru.eventbot.testsupport.telegram.TelegramApiSpec.FieldSpec;

/**
 * Telegram updates generated from the Bot API specification's {@code Update} type: every kind of update, random
 * optional fields (required ones now and then left out), fields the spec does not know, odd texts, and steered
 * towards what the bot acts on: private chats of a few recurring people, commands, and callback data in the bot's
 * own formats with good, bad and foreign ids, organisers' buttons pressed by participants.
 */
final class UpdateGenerator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 4;
    private static final List<String> EMOJI = List.of("👍", "❤", "🔥", "👎", "🤔", "💩");

    private final TelegramApiSpec spec;
    private final Random random;
    private final FuzzedText texts;
    private final List<Long> userIds;
    private final List<Long> eventIds;
    private final List<String> updateFields;

    UpdateGenerator(TelegramApiSpec spec, long seed, List<Long> userIds, List<Long> eventIds) {
        this.spec = spec;
        this.random = new Random(seed);
        this.texts = new FuzzedText(random, eventIds);
        this.userIds = userIds;
        this.eventIds = eventIds;
        this.updateFields = spec.type("Update").orElseThrow().fields().keySet().stream()
                .filter(name -> !name.equals("update_id")).sorted().toList();
    }

    ObjectNode next(long updateId) {
        var update = NODES.objectNode();
        update.put("update_id", updateId);
        var user = texts.pick(userIds);
        switch (random.nextInt(20)) {
            case 0, 1, 2, 3, 4, 5, 6 -> update.set("message", message(user, "Message"));
            case 7 -> update.set("edited_message", message(user, "Message"));
            case 8 -> update.set("channel_post", channelPost());
            case 9 -> update.set("edited_channel_post", channelPost());
            case 10, 11, 12, 13, 14 -> update.set("callback_query", callbackQuery(user));
            case 15 -> update.set("message_reaction", reaction(user));
            case 16 -> update.set("my_chat_member", object("ChatMemberUpdated", 1));
            case 17 -> { /* only an update id, perhaps with unknown fields */ }
            default -> {
                var field = texts.pick(updateFields);
                update.set(field, value(spec.type("Update").orElseThrow().fields().get(field).types(), 1));
            }
        }
        sprinkleUnknownFields(update);
        return update;
    }

    private ObjectNode message(long user, String type) {
        var message = object(type, 1);
        message.put("message_id", 1 + random.nextInt(1_000_000));
        message.put("date", 1_700_000_000 + random.nextInt(100_000_000));
        message.set("chat", privateChat(user));
        switch (random.nextInt(10)) {
            case 0 -> message.remove("from");
            case 1 -> message.set("from", person(texts.pick(userIds)));
            default -> message.set("from", person(user));
        }
        if (random.nextInt(5) > 0) {
            var text = texts.next();
            message.put("text", text);
            if (text.startsWith("/") && random.nextBoolean()) {
                var entity = NODES.objectNode().put("type", "bot_command").put("offset", 0)
                        .put("length", Math.max(1, text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ')));
                message.set("entities", NODES.arrayNode().add(entity));
            }
        }
        if (random.nextInt(12) == 0) {
            message.set("sticker", object("Sticker", 2));
        }
        if (random.nextInt(12) == 0) {
            message.set("document", object("Document", 2));
            message.put("caption", texts.next());
        }
        return message;
    }

    private ObjectNode channelPost() {
        var post = object("Message", 1);
        post.put("message_id", 1 + random.nextInt(1_000_000));
        post.put("date", 1_700_000_000);
        post.set("chat", NODES.objectNode().put("id", -1_000_000_000_000L - random.nextInt(1000))
                .put("type", "channel").put("title", texts.next()));
        post.remove("from");
        post.put("text", texts.next());
        return post;
    }

    private ObjectNode callbackQuery(long user) {
        var query = object("CallbackQuery", 1);
        query.put("id", Long.toString(random.nextLong() & Long.MAX_VALUE));
        query.set("from", random.nextInt(20) == 0 ? NODES.objectNode() : person(user));
        query.put("chat_instance", Long.toString(random.nextLong()));
        if (random.nextInt(10) > 0) {
            var message = NODES.objectNode().put("message_id", 1 + random.nextInt(1_000_000)).put("date", 1_700_000_000);
            message.set("chat", privateChat(random.nextInt(8) == 0 ? texts.pick(userIds) : user));
            message.put("text", texts.next());
            query.set("message", message);
        } else {
            query.remove("message");
        }
        if (random.nextInt(15) > 0) {
            query.put("data", callbackData());
        }
        return query;
    }

    /** Callback data in the bot's own formats with real, unknown, huge, negative and malformed ids, or garbage. */
    private String callbackData() {
        var id = switch (random.nextInt(6)) {
            case 0, 1, 2 -> Long.toString(texts.pick(eventIds));
            case 3 -> Long.toString(random.nextInt(1000));
            case 4 -> "999999999999999999";
            default -> Long.toString(random.nextLong());
        };
        var formats = List.of("ev:like:" + id, "ev:fb:" + id, "ev:mat:" + id, "ev:go:" + id, "ev:card:" + id,
                "ev:cm:" + id, "fb:r:" + id + ":" + random.nextInt(12), "fb:s:" + id, "fb:e:" + id, "mat:" + id,
                "mail:" + id, "evl:" + id, "cm:p:" + id + ":" + random.nextInt(100),
                "cm:l:" + id + ":" + id + ":" + random.nextInt(10), "cm:h:" + id + ":" + id + ":" + random.nextInt(10),
                "an:send", "an:cancel", "an:ev:" + id, "an:ev:0", "an:au:ALL", "an:au:EVENT_ATTENDEES", "an:au:NOBODY",
                "pd:forget", "pd:keep", "ev:", ":", "ev:like:", "ev:like:-1", "fb:r:" + id + ":5:7", texts.next());
        var data = texts.pick(formats);
        return random.nextInt(30) == 0 ? data + "x".repeat(64) : data;
    }

    private ObjectNode reaction(long user) {
        var reaction = NODES.objectNode();
        reaction.set("chat", privateChat(user));
        reaction.put("message_id", 1 + random.nextInt(1_000_000));
        if (random.nextInt(10) > 0) {
            reaction.set("user", person(user));
        }
        reaction.put("date", 1_700_000_000);
        reaction.set("old_reaction", reactions());
        reaction.set("new_reaction", reactions());
        return reaction;
    }

    private ArrayNode reactions() {
        var list = NODES.arrayNode();
        for (int i = 0, n = random.nextInt(3); i < n; i++) {
            list.add(random.nextInt(6) == 0 ? (ObjectNode) value(List.of("ReactionType"), 2)
                    : NODES.objectNode().put("type", "emoji").put("emoji", texts.pick(EMOJI)));
        }
        return list;
    }

    private ObjectNode privateChat(long user) {
        var chat = NODES.objectNode().put("id", user).put("type", random.nextInt(20) == 0 ? "group" : "private");
        if (random.nextBoolean()) {
            chat.put("first_name", texts.next());
        }
        return chat;
    }

    private ObjectNode person(long id) {
        var person = NODES.objectNode().put("id", id).put("is_bot", random.nextInt(30) == 0);
        person.put("first_name", random.nextInt(10) == 0 ? texts.next() : "Участник " + id % 1000);
        if (random.nextBoolean()) {
            person.put("last_name", texts.next());
        }
        if (random.nextInt(3) == 0) {
            person.put("username", "user_" + id % 1000);
        }
        if (random.nextInt(4) > 0) {
            person.put("language_code", texts.pick(List.of("ru", "en", "de", "", "zz-ZZ", "ru-RU")));
        }
        return person;
    }

    /** An object of a spec type: required fields mostly present, optional ones now and then. */
    private ObjectNode object(String typeName, int depth) {
        var type = spec.type(typeName).orElse(null);
        if (type == null) {
            return NODES.objectNode();
        }
        if (type.isAbstract()) {
            var chosen = texts.pick(type.subtypes());
            var node = value(List.of(chosen), depth);
            return node instanceof ObjectNode object ? object : NODES.objectNode();
        }
        var node = NODES.objectNode();
        for (FieldSpec field : type.fields().values()) {
            if (field.name().equals(type.constantField()) && type.constantValue() != null) {
                node.put(field.name(), type.constantValue());
                continue;
            }
            var include = field.required() ? random.nextInt(25) > 0
                    : depth < MAX_DEPTH && random.nextInt(4 + 3 * depth) == 0;
            if (include) {
                node.set(field.name(), value(field.types(), depth + 1));
            }
        }
        return node;
    }

    private JsonNode value(List<String> types, int depth) {
        var type = texts.pick(types);
        if (type.startsWith("Array of ")) {
            var array = NODES.arrayNode();
            for (int i = 0, n = depth >= MAX_DEPTH ? 0 : random.nextInt(3); i < n; i++) {
                array.add(value(List.of(type.substring("Array of ".length())), depth + 1));
            }
            return array;
        }
        return switch (type) {
            case "Integer" -> NODES.numberNode(integer());
            case "Float" -> NODES.numberNode(random.nextInt(5) == 0 ? -0.0 : random.nextGaussian() * 1e6);
            case "Boolean" -> NODES.booleanNode(random.nextBoolean());
            case "True" -> NODES.booleanNode(true);
            case "String" -> NODES.textNode(texts.next());
            default -> depth >= MAX_DEPTH + 1 ? NODES.objectNode() : object(type, depth);
        };
    }

    private long integer() {
        return switch (random.nextInt(8)) {
            case 0 -> 0;
            case 1 -> -1;
            case 2 -> Integer.MAX_VALUE;
            case 3 -> (1L << 53) - 1;
            case 4 -> texts.pick(eventIds);
            default -> random.nextInt(1_000_000);
        };
    }

    private void sprinkleUnknownFields(ObjectNode node) {
        if (random.nextInt(8) == 0) {
            node.put("field_from_a_future_bot_api_" + random.nextInt(100), texts.next());
        }
        var children = new ArrayList<JsonNode>();
        node.elements().forEachRemaining(children::add);
        for (var child : children) {
            if (child instanceof ObjectNode object && random.nextInt(6) == 0) {
                object.set("unknown_" + random.nextInt(100), random.nextBoolean() ? NODES.objectNode()
                        .put("nested", texts.next()) : NODES.numberNode(random.nextLong()));
            }
        }
    }
}
