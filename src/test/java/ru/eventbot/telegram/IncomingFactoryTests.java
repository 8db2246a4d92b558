package ru.eventbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;
import ru.eventbot.conversation.MessageKind;
import ru.eventbot.participant.Language;

/** Updates are parsed from JSON exactly as Telegram sends them, with a plain Jackson 2 mapper. */
class IncomingFactoryTests {

    private static final String ALEXANDER = """
            {"id": 1001, "is_bot": false, "first_name": "Александр", "last_name": "Духанин",
             "username": "alex_d", "language_code": "ru"}""";
    private static final String PRIVATE_CHAT = """
            {"id": 1001, "type": "private", "first_name": "Александр", "username": "alex_d"}""";

    private final ObjectMapper mapper = new ObjectMapper();
    private final IncomingFactory factory = new IncomingFactory();

    @Test
    void readsAStartCommandWithItsDeepLinkPayload() throws Exception {
        // given
        var update = update("""
                {"update_id": 500, "message": {"message_id": 11, "date": 1767225600,
                  "from": %s, "chat": %s, "text": "/start event_12",
                  "entities": [{"type": "bot_command", "offset": 0, "length": 6}]}}""".formatted(ALEXANDER, PRIVATE_CHAT));

        // when
        var incoming = factory.from(500, update);

        // then
        assertThat(incoming.updateId()).isEqualTo(500);
        assertThat(incoming.type()).isEqualTo(UpdateType.MESSAGE);
        assertThat(incoming.kind()).isEqualTo(MessageKind.COMMAND);
        assertThat(incoming.command()).isEqualTo("start");
        assertThat(incoming.isCommand("start")).isTrue();
        assertThat(incoming.commandArgument()).isEqualTo("event_12");
        assertThat(incoming.text()).isEqualTo("/start event_12");
        assertThat(incoming.chatId()).isEqualTo(1001L);
        assertThat(incoming.messageId()).isEqualTo(11L);
        assertThat(incoming.privateChat()).isTrue();
        assertThat(incoming.isPrivateMessage()).isTrue();
        assertThat(incoming.raw()).isSameAs(update);
        assertThat(incoming.from()).satisfies(from -> {
            assertThat(from.telegramUserId()).isEqualTo(1001L);
            assertThat(from.chatId()).isEqualTo(1001L);
            assertThat(from.firstName()).isEqualTo("Александр");
            assertThat(from.lastName()).isEqualTo("Духанин");
            assertThat(from.username()).isEqualTo("alex_d");
            assertThat(from.language()).isEqualTo(Language.RU);
        });
        assertThat(incoming.telegramUserId()).isEqualTo(1001L);
    }

    @Test
    void readsACommandAddressedToTheBotByNameWithoutItsName() throws Exception {
        // given
        var update = update("""
                {"update_id": 501, "message": {"message_id": 12, "date": 1767225600,
                  "from": %s, "chat": %s, "text": "/HELP@eventbot_test_bot",
                  "entities": [{"type": "bot_command", "offset": 0, "length": 23}]}}""".formatted(ALEXANDER, PRIVATE_CHAT));

        // when
        var incoming = factory.from(501, update);

        // then
        assertThat(incoming.kind()).isEqualTo(MessageKind.COMMAND);
        assertThat(incoming.command()).isEqualTo("help");
        assertThat(incoming.commandArgument()).isNull();
    }

    @Test
    void readsPlainTextAsText() throws Exception {
        // given
        var update = update("""
                {"update_id": 502, "message": {"message_id": 13, "date": 1767225600,
                  "from": %s, "chat": %s, "text": "Пришлите, пожалуйста, презентацию Таисии"}}"""
                .formatted(ALEXANDER, PRIVATE_CHAT));

        // when
        var incoming = factory.from(502, update);

        // then
        assertThat(incoming.kind()).isEqualTo(MessageKind.TEXT);
        assertThat(incoming.text()).isEqualTo("Пришлите, пожалуйста, презентацию Таисии");
        assertThat(incoming.command()).isNull();
        assertThat(incoming.isPrivateMessage()).isTrue();
    }

    @Test
    void readsADocumentWithItsCaptionAsText() throws Exception {
        // given
        var update = update("""
                {"update_id": 503, "message": {"message_id": 14, "date": 1767225600,
                  "from": %s, "chat": %s, "caption": "Мои заметки с доклада",
                  "document": {"file_id": "BQACAgIAAxk", "file_unique_id": "AgADx", "file_name": "notes.pdf",
                               "mime_type": "application/pdf", "file_size": 12345}}}"""
                .formatted(ALEXANDER, PRIVATE_CHAT));

        // when
        var incoming = factory.from(503, update);

        // then
        assertThat(incoming.kind()).isEqualTo(MessageKind.DOCUMENT);
        assertThat(incoming.text()).isEqualTo("Мои заметки с доклада");
        assertThat(incoming.command()).isNull();
    }

    @Test
    void readsAButtonPressWithItsCallbackIdDataMessageAndChat() throws Exception {
        // given
        var update = update("""
                {"update_id": 504, "callback_query": {"id": "4382bfdwdsb323b2d9", "from": %s,
                  "message": {"message_id": 77, "date": 1767225600, "chat": %s, "text": "Анонс",
                              "from": {"id": 999, "is_bot": true, "first_name": "Event bot"}},
                  "chat_instance": "-8123456789", "data": "like:3"}}""".formatted(ALEXANDER, PRIVATE_CHAT));

        // when
        var incoming = factory.from(504, update);

        // then
        assertThat(incoming.type()).isEqualTo(UpdateType.CALLBACK_QUERY);
        assertThat(incoming.kind()).isEqualTo(MessageKind.CALLBACK);
        assertThat(incoming.callbackQueryId()).isEqualTo("4382bfdwdsb323b2d9");
        assertThat(incoming.callbackData()).isEqualTo("like:3");
        assertThat(incoming.messageId()).isEqualTo(77L);
        assertThat(incoming.chatId()).isEqualTo(1001L);
        assertThat(incoming.privateChat()).isTrue();
        assertThat(incoming.telegramUserId()).isEqualTo(1001L);
        assertThat(incoming.isPrivateMessage()).as("a button press is not a message").isFalse();
    }

    @Test
    void readsAReactionWithTheNewAndTheOldEmojis() throws Exception {
        // given
        var update = update("""
                {"update_id": 505, "message_reaction": {"chat": %s, "message_id": 77, "user": %s,
                  "date": 1767225600,
                  "old_reaction": [{"type": "emoji", "emoji": "👍"}],
                  "new_reaction": [{"type": "emoji", "emoji": "🔥"}, {"type": "emoji", "emoji": "❤"},
                                   {"type": "custom_emoji", "custom_emoji_id": "5368324170671202286"}]}}"""
                .formatted(PRIVATE_CHAT, ALEXANDER));

        // when
        var incoming = factory.from(505, update);

        // then
        assertThat(incoming.type()).isEqualTo(UpdateType.MESSAGE_REACTION);
        assertThat(incoming.kind()).isEqualTo(MessageKind.REACTION);
        assertThat(incoming.reactions()).containsExactly("🔥", "❤");
        assertThat(incoming.previousReactions()).containsExactly("👍");
        assertThat(incoming.text()).isEqualTo("🔥 ❤");
        assertThat(incoming.messageId()).isEqualTo(77L);
        assertThat(incoming.chatId()).isEqualTo(1001L);
        assertThat(incoming.telegramUserId()).isEqualTo(1001L);
        assertThat(incoming.privateChat()).isTrue();
    }

    @Test
    void readsAnonymousReactionCountsWithoutAPerson() throws Exception {
        // given
        var update = update("""
                {"update_id": 506, "message_reaction_count": {
                  "chat": {"id": -1001234567890, "type": "channel", "title": "Events"},
                  "message_id": 31, "date": 1767225600,
                  "reactions": [{"type": {"type": "emoji", "emoji": "👍"}, "total_count": 3},
                                {"type": {"type": "emoji", "emoji": "🔥"}, "total_count": 1}]}}""");

        // when
        var incoming = factory.from(506, update);

        // then
        assertThat(incoming.type()).isEqualTo(UpdateType.MESSAGE_REACTION_COUNT);
        assertThat(incoming.kind()).isEqualTo(MessageKind.REACTION);
        assertThat(incoming.from()).isNull();
        assertThat(incoming.telegramUserId()).isNull();
        assertThat(incoming.privateChat()).isFalse();
        assertThat(incoming.chatId()).isEqualTo(-1001234567890L);
        assertThat(incoming.messageId()).isEqualTo(31L);
        assertThat(incoming.reactions()).containsExactly("👍×3", "🔥×1");
    }

    @Test
    void readsThatThePersonBlockedTheBot() throws Exception {
        // given
        var update = update("""
                {"update_id": 507, "my_chat_member": {"chat": %s, "from": %s, "date": 1767225600,
                  "old_chat_member": {"status": "member",
                                      "user": {"id": 999, "is_bot": true, "first_name": "Event bot"}},
                  "new_chat_member": {"status": "kicked", "until_date": 0,
                                      "user": {"id": 999, "is_bot": true, "first_name": "Event bot"}}}}"""
                .formatted(PRIVATE_CHAT, ALEXANDER));

        // when
        var incoming = factory.from(507, update);

        // then
        assertThat(incoming.type()).isEqualTo(UpdateType.MY_CHAT_MEMBER);
        assertThat(incoming.kind()).isEqualTo(MessageKind.MEMBER_STATUS);
        assertThat(incoming.memberStatus()).isEqualTo("kicked");
        assertThat(incoming.telegramUserId()).isEqualTo(1001L);
        assertThat(incoming.chatId()).isEqualTo(1001L);
        assertThat(incoming.privateChat()).isTrue();
    }

    @Test
    void readsATextThatMerelyStartsWithASlashAsText() throws Exception {
        // given: a path, not a command: Telegram marks no bot_command entity
        var update = update("""
                {"update_id": 509, "message": {"message_id": 16, "date": 1767225600,
                  "from": %s, "chat": %s, "text": "/home/taisia/slides.pdf"}}""".formatted(ALEXANDER, PRIVATE_CHAT));

        // when
        var incoming = factory.from(509, update);

        // then
        assertThat(incoming.command()).isNull();
        assertThat(incoming.kind()).isEqualTo(ru.eventbot.conversation.MessageKind.TEXT);
    }

    @Test
    void readsAGroupMessageAsNotPrivate() throws Exception {
        // given
        var update = update("""
                {"update_id": 508, "message": {"message_id": 15, "date": 1767225600, "from": %s,
                  "chat": {"id": -100777, "type": "supergroup", "title": "Участники конференции"},
                  "text": "/help"}}""".formatted(ALEXANDER));

        // when
        var incoming = factory.from(508, update);

        // then
        assertThat(incoming.privateChat()).isFalse();
        assertThat(incoming.isPrivateMessage()).isFalse();
        assertThat(incoming.chatId()).isEqualTo(-100777L);
        assertThat(incoming.telegramUserId()).isEqualTo(1001L);
    }

    @Test
    void readsAnUpdateOfAnUnknownKindAsOtherWithoutFailing() throws Exception {
        // given
        var update = update("""
                {"update_id": 509, "some_future_update": {"id": "x", "payload": {"deep": [1, 2, 3]}}}""");

        // when
        var incoming = factory.from(509, update);

        // then
        assertThat(incoming.type()).isEqualTo(UpdateType.OTHER);
        assertThat(incoming.kind()).isEqualTo(MessageKind.OTHER);
        assertThat(incoming.chatId()).isNull();
        assertThat(incoming.from()).isNull();
        assertThat(incoming.text()).isNull();
        assertThat(incoming.reactions()).isEmpty();
    }

    @Test
    void readsEnglishFromLanguageCodeEn() throws Exception {
        // given
        var update = update("""
                {"update_id": 510, "message": {"message_id": 16, "date": 1767225600,
                  "from": {"id": 2002, "is_bot": false, "first_name": "Taisia", "language_code": "en"},
                  "chat": {"id": 2002, "type": "private", "first_name": "Taisia"}, "text": "hi"}}""");

        // when
        var incoming = factory.from(510, update);

        // then
        assertThat(incoming.from().language()).isEqualTo(Language.EN);
        assertThat(incoming.from().lastName()).isNull();
        assertThat(incoming.from().username()).isNull();
    }

    @Test
    void readsRussianWhenTheLanguageCodeIsAbsent() throws Exception {
        // given
        var update = update("""
                {"update_id": 511, "message": {"message_id": 17, "date": 1767225600,
                  "from": {"id": 3003, "is_bot": false, "first_name": "Ivan"},
                  "chat": {"id": 3003, "type": "private", "first_name": "Ivan"}, "text": "привет"}}""");

        // when
        var incoming = factory.from(511, update);

        // then
        assertThat(incoming.from().languageCode()).isNull();
        assertThat(incoming.from().language()).isEqualTo(Language.RU);
    }

    @Test
    void readsAnEditedMessageAsEditedAndNeverAsACommand() throws Exception {
        // given
        var update = update("""
                {"update_id": 512, "edited_message": {"message_id": 18, "date": 1767225600,
                  "edit_date": 1767225700, "from": %s, "chat": %s, "text": "/stop"}}"""
                .formatted(ALEXANDER, PRIVATE_CHAT));

        // when
        var incoming = factory.from(512, update);

        // then
        assertThat(incoming.type()).isEqualTo(UpdateType.EDITED_MESSAGE);
        assertThat(incoming.kind()).isEqualTo(MessageKind.EDITED);
        assertThat(incoming.command()).isNull();
        assertThat(incoming.text()).isEqualTo("/stop");
        assertThat(incoming.isPrivateMessage()).isFalse();
    }

    private Update update(String json) throws Exception {
        return mapper.readValue(json, Update.class);
    }
}
