package ru.eventbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SynchronousTelegramClientTests {

    private static final String FIRST = "{\"update_id\":100000001,\"message\":{\"message_id\":1,\"date\":1764115200,"
            + "\"chat\":{\"id\":7000000001,\"type\":\"private\",\"first_name\":\"Таисия\"},"
            + "\"from\":{\"id\":7000000001,\"is_bot\":false,\"first_name\":\"Таисия\",\"language_code\":\"ru\"},"
            + "\"text\":\"Пришлите, пожалуйста, презентацию \\\"Таисии\\\" } ] {\"}}";
    private static final String SECOND = "{ \"update_id\" : 100000002, \"edited_message\" : { \"message_id\" : 1, "
            + "\"date\" : 1764115200, \"edit_date\" : 1764115300, \"chat\" : { \"id\" : 7000000001, \"type\" : "
            + "\"private\" }, \"text\" : \"slides\", \"some_future_field\" : [1, {\"a\": []}] } }";

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void keepsEachUpdateAsTelegramSentIt() {
        var body = "{\"ok\":true,\"result\":[" + FIRST + " ,\n " + SECOND + "]}";

        var updates = SynchronousTelegramClient.parseUpdates(mapper, body).orElseThrow();

        assertThat(updates).extracting(ReceivedUpdate::json).containsExactly(FIRST, SECOND);
        assertThat(updates.get(0).update().getMessage().getText()).isEqualTo("Пришлите, пожалуйста, презентацию "
                + "\"Таисии\" } ] {");
        assertThat(updates.get(1).update().getUpdateId()).isEqualTo(100000002);
        assertThat(updates.get(1).update().getEditedMessage().getText()).isEqualTo("slides");
    }

    @Test
    void readsTheEnvelopeInAnyOrder() {
        var body = "{\"result\":[" + FIRST + "],\"ok\":true}";

        assertThat(SynchronousTelegramClient.parseUpdates(mapper, body).orElseThrow()).hasSize(1);
        assertThat(SynchronousTelegramClient.parseUpdates(mapper, "{\"ok\":true,\"result\":[]}").orElseThrow())
                .isEmpty();
    }

    @Test
    void leavesEverythingElseToTheLibrary() {
        assertThat(SynchronousTelegramClient.parseUpdates(mapper, "{\"ok\":false,\"error_code\":409,"
                + "\"description\":\"Conflict\"}")).isEmpty();
        assertThat(SynchronousTelegramClient.parseUpdates(mapper, "<html>502 Bad Gateway</html>")).isEmpty();
        assertThat(SynchronousTelegramClient.parseUpdates(mapper, "{\"ok\":true,\"result\":[" + FIRST)).isEmpty();
        assertThat(SynchronousTelegramClient.parseUpdates(mapper, "")).isEmpty();
    }

    @Test
    void keepsAnUpdateOfANewerBotApiWithOnlyItsIdInsteadOfStoppingIntakeAtIt() {
        // given: after an ordinary update, one whose message id has outgrown the library's int
        var newer = "{\"update_id\":11,\"message_reaction\":{\"chat\":{\"id\":1,\"type\":\"private\"},"
                + "\"message_id\":99999999999,\"date\":1700000000,\"old_reaction\":[],"
                + "\"new_reaction\":[{\"type\":\"emoji\",\"emoji\":\"👍\"}]}}";
        var body = "{\"ok\":true,\"result\":[" + FIRST + "," + newer + "]}";
        // when
        var fast = SynchronousTelegramClient.parseUpdates(mapper, body);
        var updates = SynchronousTelegramClient.parseUpdatesLeniently(mapper, body).orElseThrow();
        // then
        assertThat(fast).isEmpty();
        assertThat(updates).hasSize(2);
        assertThat(updates.get(0).update().getMessage()).isNotNull();
        assertThat(updates.get(1).update().getUpdateId()).isEqualTo(11);
        assertThat(updates.get(1).update().getMessageReaction()).isNull();
        assertThat(updates.get(1).json()).contains("99999999999");
    }

    @Test
    void readsASentMessagesIdWhereverItStandsInTheAnswer() {
        var sent = "{\"chat\":{\"id\":7000000001,\"type\":\"private\"},\"text\":\"Спасибо!\",\"date\":1764115200,"
                + "\"reply_markup\":{\"inline_keyboard\":[[{\"text\":\"👍\",\"callback_data\":\"like:1\"}]]},"
                + "\"message_id\":42}";

        assertThat(SynchronousTelegramClient.messageIdOf(mapper, "{\"ok\":true,\"result\":" + sent + "}")).isEqualTo(42);
        assertThat(SynchronousTelegramClient.messageIdOf(mapper, "{\"result\":" + sent + ",\"ok\":true}")).isEqualTo(42);
    }

    @Test
    void leavesAnyOtherAnswerToTheLibrary() {
        assertThat(SynchronousTelegramClient.messageIdOf(mapper, "{\"ok\":false,\"error_code\":429,"
                + "\"description\":\"Too Many Requests: retry after 3\",\"parameters\":{\"retry_after\":3}}")).isNull();
        assertThat(SynchronousTelegramClient.messageIdOf(mapper, "{\"ok\":true,\"result\":true}")).isNull();
        assertThat(SynchronousTelegramClient.messageIdOf(mapper, "{\"ok\":true,\"result\":{\"message_id\":"
                + "99999999999}}")).isNull();
        assertThat(SynchronousTelegramClient.messageIdOf(mapper, "<html>502 Bad Gateway</html>")).isNull();
        assertThat(SynchronousTelegramClient.messageIdOf(mapper, "")).isNull();
    }
}
