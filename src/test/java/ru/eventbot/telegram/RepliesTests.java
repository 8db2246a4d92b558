package ru.eventbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import ru.eventbot.conversation.MessageKind;
import ru.eventbot.conversation.OutgoingMessage;
import ru.eventbot.participant.Language;
import ru.eventbot.participant.TelegramProfile;

class RepliesTests {

    private final StaticMessageSource messages = new StaticMessageSource();

    RepliesTests() {
        messages.addMessage("button.done", Language.RU.locale(), "Готово");
    }

    @Test
    void aPressIsAnsweredWithItsCallbackQueryId() {
        var replies = new Replies(press("4382985473819283746"), Language.RU, messages);

        replies.answerCallback("button.done");

        assertThat(replies.all()).extracting(OutgoingMessage::kind, OutgoingMessage::callbackQueryId,
                OutgoingMessage::text).containsExactly(org.assertj.core.groups.Tuple.tuple(MessageKind.CALLBACK_ANSWER,
                "4382985473819283746", "Готово"));
    }

    @Test
    void aPressWithAnIdTelegramNeverGivesGoesUnanswered() {
        var forged = "8".repeat(Replies.MAX_CALLBACK_QUERY_ID + 1);
        var replies = new Replies(press(forged), Language.RU, messages);

        replies.answerCallback("button.done");
        replies.answerCallbackSilently();

        assertThat(replies.all()).isEmpty();
    }

    private static Incoming press(String callbackQueryId) {
        var anna = new TelegramProfile(1001, 1001, "Анна", null, null, "ru");
        return new Incoming(7, UpdateType.CALLBACK_QUERY, MessageKind.CALLBACK, 1001L, anna, true, null, null, null, 55L,
                callbackQueryId, "like:1", List.of(), List.of(), null, null);
    }
}
