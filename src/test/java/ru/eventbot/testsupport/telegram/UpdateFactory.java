package ru.eventbot.testsupport.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** Builds the JSON of updates and of the Telegram objects inside them (users, chats, messages). */
final class UpdateFactory {

    private final ObjectMapper mapper;
    private final ObjectNode botUser;

    UpdateFactory(ObjectMapper mapper, ObjectNode botUser) {
        this.mapper = mapper;
        this.botUser = botUser;
    }

    ObjectNode botUser() {
        return botUser.deepCopy();
    }

    ObjectNode user(FakeUser.Profile profile) {
        ObjectNode user = mapper.createObjectNode();
        user.put("id", profile.id());
        user.put("is_bot", false);
        user.put("first_name", profile.firstName());
        putIfPresent(user, "last_name", profile.lastName());
        putIfPresent(user, "username", profile.username());
        putIfPresent(user, "language_code", profile.languageCode());
        return user;
    }

    ObjectNode privateChat(FakeUser.Profile profile) {
        ObjectNode chat = mapper.createObjectNode();
        chat.put("id", profile.id());
        chat.put("type", "private");
        chat.put("first_name", profile.firstName());
        putIfPresent(chat, "last_name", profile.lastName());
        putIfPresent(chat, "username", profile.username());
        return chat;
    }

    /** The chat as Telegram describes it in messages. */
    ObjectNode chat(ChatStore.ChatState chat) {
        return chat.user != null ? privateChat(chat.user.profile()) : chat.rawChat.deepCopy();
    }

    /** A message a user wrote; commands at the start get their {@code bot_command} entity. */
    ObjectNode userTextMessage(FakeUser.Profile profile, int messageId, long date, String text) {
        ObjectNode message = userMessage(profile, messageId, date);
        message.put("text", text);
        if (text.startsWith("/") && text.length() > 1) {
            int end = 1;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            ObjectNode entity = message.putArray("entities").addObject();
            entity.put("offset", 0);
            entity.put("length", end);
            entity.put("type", "bot_command");
        }
        return message;
    }

    ObjectNode userDocumentMessage(FakeUser.Profile profile, int messageId, long date, FileStore.StoredFile file,
                                   String caption) {
        ObjectNode message = userMessage(profile, messageId, date);
        ObjectNode document = message.putObject("document");
        document.put("file_name", file.fileName());
        document.put("mime_type", file.mimeType());
        document.put("file_id", file.fileId());
        document.put("file_unique_id", file.fileUniqueId());
        document.put("file_size", file.bytes().length);
        putIfPresent(message, "caption", caption);
        return message;
    }

    private ObjectNode userMessage(FakeUser.Profile profile, int messageId, long date) {
        ObjectNode message = mapper.createObjectNode();
        message.put("message_id", messageId);
        message.set("from", user(profile));
        message.set("chat", privateChat(profile));
        message.put("date", date);
        return message;
    }

    ObjectNode editedMessage(ObjectNode original, String newText, long editDate) {
        ObjectNode edited = original.deepCopy();
        edited.put("edit_date", editDate);
        edited.put("text", newText);
        edited.remove("entities");
        return edited;
    }

    ObjectNode callbackQuery(String id, FakeUser.Profile profile, ObjectNode message, String data) {
        ObjectNode query = mapper.createObjectNode();
        query.put("id", id);
        query.set("from", user(profile));
        query.set("message", message);
        query.put("chat_instance", String.valueOf(Math.abs(profile.id() * 7919L + 104729L)));
        query.put("data", data);
        return query;
    }

    ObjectNode messageReaction(FakeUser.Profile profile, int messageId, long date, List<String> oldEmoji,
                               List<String> newEmoji) {
        ObjectNode reaction = mapper.createObjectNode();
        reaction.set("chat", privateChat(profile));
        reaction.put("message_id", messageId);
        reaction.set("user", user(profile));
        reaction.put("date", date);
        reaction.set("old_reaction", emojiReactions(oldEmoji));
        reaction.set("new_reaction", emojiReactions(newEmoji));
        return reaction;
    }

    ArrayNode emojiReactions(List<String> emoji) {
        ArrayNode reactions = mapper.createArrayNode();
        emoji.forEach(value -> reactions.addObject().put("type", "emoji").put("emoji", value));
        return reactions;
    }

    /** my_chat_member in a private chat: the user blocked ({@code kicked}) or unblocked ({@code member}) the bot. */
    ObjectNode myChatMember(FakeUser.Profile profile, long date, String oldStatus, String newStatus) {
        ObjectNode update = mapper.createObjectNode();
        update.set("chat", privateChat(profile));
        update.set("from", user(profile));
        update.put("date", date);
        update.set("old_chat_member", chatMember(oldStatus));
        update.set("new_chat_member", chatMember(newStatus));
        return update;
    }

    private ObjectNode chatMember(String status) {
        ObjectNode member = mapper.createObjectNode();
        member.put("status", status);
        member.set("user", botUser());
        if (status.equals("kicked")) {
            member.put("until_date", 0);
        }
        return member;
    }

    /** {@code {"update_id": <assigned by the queue>, "<type>": payload}} */
    ObjectNode update(String type, ObjectNode payload) {
        ObjectNode update = mapper.createObjectNode();
        update.put("update_id", 0);
        update.set(type, payload);
        return update;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
