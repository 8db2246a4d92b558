package ru.eventbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static ru.eventbot.PersistenceSliceConfiguration.START;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import ru.eventbot.MutableClock;
import ru.eventbot.PersistenceSliceConfiguration;
import ru.eventbot.participant.ParticipantService;
import ru.eventbot.participant.TelegramProfile;

@DataJpaTest(showSql = false)
@Import(PersistenceSliceConfiguration.class)
@RecordApplicationEvents
class ConversationServiceTests {

    static final long ALEXANDER = 1001;

    @Autowired
    ConversationService conversations;

    @Autowired
    ParticipantService participants;

    @Autowired
    ConversationMessageRepository messages;

    @Autowired
    TestEntityManager entityManager;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationEvents events;

    @BeforeEach
    void resetClock() {
        clock.set(START);
    }

    @Test
    void storesWhatCameInWithItsKindAndIds() {
        // given
        var in = new InboundMessage(ALEXANDER, ALEXANDER, MessageKind.TEXT, "Пришлите презентацию Таисии", 77L, 500L);

        // when
        conversations.recordInbound(in);
        flushAndClear();

        // then
        assertThat(messages.findAll()).singleElement().satisfies(message -> {
            assertThat(message.getDirection()).isEqualTo(Direction.IN);
            assertThat(message.getKind()).isEqualTo(MessageKind.TEXT);
            assertThat(message.getText()).isEqualTo("Пришлите презентацию Таисии");
            assertThat(message.getTelegramUserId()).isEqualTo(ALEXANDER);
            assertThat(message.getChatId()).isEqualTo(ALEXANDER);
            assertThat(message.getTelegramMessageId()).isEqualTo(77L);
            assertThat(message.getUpdateId()).isEqualTo(500L);
            assertThat(message.getDeliveryStatus()).isNull();
            assertThat(message.getCreatedAt()).isEqualTo(START);
        });
    }

    @Test
    void clipsAnOverlongInboundTextToTheColumn() {
        // given
        var in = new InboundMessage(ALEXANDER, ALEXANDER, MessageKind.TEXT, "я".repeat(10_000), 78L, 501L);

        // when
        conversations.recordInbound(in);
        flushAndClear();

        // then
        assertThat(messages.findAll()).singleElement()
                .satisfies(message -> assertThat(message.getText()).hasSize(ConversationMessage.MAX_TEXT));
    }

    @Test
    void queuesRepliesAsPendingWithTheirKeyboardRoundTrippingThroughTheDatabase() {
        // given
        var keyboard = new Keyboard(List.of(
                List.of(new Button("👍 3", "like:12"), new Button("📝 Отзыв", "feedback:12")),
                List.of(new Button("📎 Материалы", "materials:12"))));
        var reply = OutgoingMessage.text(ALEXANDER, ALEXANDER, "Анонс", keyboard);
        var answer = OutgoingMessage.callbackAnswer(ALEXANDER, ALEXANDER, "cbq-1", "Спасибо!");

        // when
        var queued = conversations.queueReplies(List.of(reply, answer), 500L);
        flushAndClear();

        // then
        var stored = messages.findByTelegramUserIdOrderByIdAsc(ALEXANDER);
        assertThat(stored).extracting(ConversationMessage::getId)
                .containsExactly(queued.get(0).id(), queued.get(1).id());
        assertThat(stored).allSatisfy(message -> {
            assertThat(message.getDirection()).isEqualTo(Direction.OUT);
            assertThat(message.getDeliveryStatus()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(message.getUpdateId()).isEqualTo(500L);
        });
        var reread = conversations.pendingOutbox(0, 10);
        assertThat(reread).containsExactlyElementsOf(queued);
        assertThat(reread.get(0)).satisfies(out -> {
            assertThat(out.kind()).isEqualTo(MessageKind.BOT_MESSAGE);
            assertThat(out.text()).isEqualTo("Анонс");
            assertThat(out.keyboard()).isEqualTo(keyboard);
            assertThat(out.callbackQueryId()).isNull();
        });
        assertThat(reread.get(1)).satisfies(out -> {
            assertThat(out.kind()).isEqualTo(MessageKind.CALLBACK_ANSWER);
            assertThat(out.callbackQueryId()).isEqualTo("cbq-1");
            assertThat(out.keyboard().isEmpty()).isTrue();
        });
    }

    @Test
    void startsSendingAQueuedReplyOnceOnly() {
        // given
        var queued = conversations.queueReplies(
                List.of(OutgoingMessage.text(ALEXANDER, ALEXANDER, "Спасибо!", Keyboard.none())), 502L).get(0);
        flushAndClear();

        // when
        var first = conversations.startSending(queued.id());
        var second = conversations.startSending(queued.id());

        // then
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(statusOf(queued.id())).isEqualTo("SENDING");
        assertThat(conversations.pendingOutbox(0, 10)).isEmpty();
    }

    @Test
    void listsTheOutboxOldestFirstInPages() {
        // given
        var queued = conversations.queueReplies(List.of(
                OutgoingMessage.text(ALEXANDER, ALEXANDER, "один", Keyboard.none()),
                OutgoingMessage.text(ALEXANDER, ALEXANDER, "два", Keyboard.none()),
                OutgoingMessage.text(ALEXANDER, ALEXANDER, "три", Keyboard.none()),
                OutgoingMessage.text(ALEXANDER, ALEXANDER, "четыре", Keyboard.none())), 503L);
        flushAndClear();
        conversations.startSending(queued.get(1).id());

        // when
        var firstPage = conversations.pendingOutbox(0, 2);
        var secondPage = conversations.pendingOutbox(firstPage.get(1).id(), 2);

        // then
        assertThat(firstPage).extracting(OutboxMessage::text).containsExactly("один", "три");
        assertThat(secondPage).extracting(OutboxMessage::text).containsExactly("четыре");
    }

    @Test
    void storesNoPayloadForAPlainText() {
        // given
        var reply = OutgoingMessage.text(ALEXANDER, ALEXANDER, "Спасибо!", Keyboard.none());

        // when
        var queued = conversations.queueReplies(List.of(reply), 501L);
        flushAndClear();

        // then
        assertThat(queued).singleElement().satisfies(out -> assertThat(out.keyboard().isEmpty()).isTrue());
        assertThat(messages.findAll()).singleElement().satisfies(m -> assertThat(m.getPayload()).isNull());
    }

    @Test
    void queuesAnOrganiserReplyAsPendingAndAnnouncesIt() {
        // given
        participants.subscribe(alexander(), null);

        // when
        var reply = conversations.queueOrganiserReply(ALEXANDER, "Презентация будет завтра");
        flushAndClear();

        // then
        assertThat(messages.findById(reply.getId())).hasValueSatisfying(message -> {
            assertThat(message.getDeliveryStatus()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(message.getKind()).isEqualTo(MessageKind.ORGANISER_REPLY);
            assertThat(message.getDirection()).isEqualTo(Direction.OUT);
            assertThat(message.getChatId()).isEqualTo(ALEXANDER);
            assertThat(message.getText()).isEqualTo("Презентация будет завтра");
        });
        assertThat(events.stream(OutgoingMessageQueued.class))
                .containsExactly(new OutgoingMessageQueued(reply.getId()));
    }

    @Test
    void claimsAPendingMessageOnceOnly() {
        // given
        participants.subscribe(alexander(), null);
        var reply = conversations.queueOrganiserReply(ALEXANDER, "Ответ организатора");
        flushAndClear();

        // when
        var first = conversations.claim(reply.getId());
        var second = conversations.claim(reply.getId());

        // then
        assertThat(first).hasValueSatisfying(out -> {
            assertThat(out.id()).isEqualTo(reply.getId());
            assertThat(out.chatId()).isEqualTo(ALEXANDER);
            assertThat(out.telegramUserId()).isEqualTo(ALEXANDER);
            assertThat(out.kind()).isEqualTo(MessageKind.ORGANISER_REPLY);
            assertThat(out.text()).isEqualTo("Ответ организатора");
            assertThat(out.keyboard().isEmpty()).isTrue();
            assertThat(out.callbackQueryId()).isNull();
        });
        assertThat(second).isEmpty();
        assertThat(statusOf(reply.getId())).isEqualTo("SENDING");
    }

    @Test
    void claimsNothingForAnUnknownMessage() {
        // given / when / then
        assertThat(conversations.claim(987_654L)).isEmpty();
    }

    @Test
    void marksWhatWasBeingSentAsUncertainAndLeavesTheRestAlone() {
        // given
        var queued = conversations.queueReplies(List.of(
                OutgoingMessage.text(ALEXANDER, ALEXANDER, "в пути", Keyboard.none()),
                OutgoingMessage.text(ALEXANDER, ALEXANDER, "доставлено", Keyboard.none()),
                OutgoingMessage.text(ALEXANDER, ALEXANDER, "ещё не отправлено", Keyboard.none())), 600L);
        flushAndClear();
        var sending = queued.get(0);
        var sent = queued.get(1);
        var pending = queued.get(2);
        conversations.startSending(sending.id());
        conversations.startSending(sent.id());
        conversations.recordOutcome(DeliveryOutcome.sent(sent.id(), 99L));

        // when
        var count = conversations.markInterruptedDeliveriesUncertain();

        // then
        assertThat(count).isEqualTo(1);
        assertThat(statusOf(sending.id())).isEqualTo("UNCERTAIN");
        assertThat(statusOf(sent.id())).isEqualTo("SENT");
        assertThat(statusOf(pending.id())).as("not sent yet: it goes out after the restart").isEqualTo("PENDING");
        assertThat(conversations.startSending(sending.id())).as("an uncertain message is never sent again").isFalse();
        assertThat(conversations.claim(sending.id())).isEmpty();
    }

    @Test
    void refusesAReplyToSomeoneWhoNeverWrote() {
        // given / when / then
        assertThatExceptionOfType(ParticipantNotFoundException.class)
                .isThrownBy(() -> conversations.queueOrganiserReply(4242, "Здравствуйте"))
                .withMessageContaining("4242");
        assertThat(messages.count()).isZero();
        assertThat(events.stream(OutgoingMessageQueued.class)).isEmpty();
    }

    @Test
    void refusesAReplyToSomeoneWhoBlockedTheBot() {
        // given
        participants.subscribe(alexander(), null);
        participants.markBlocked(ALEXANDER);

        // when / then
        assertThatExceptionOfType(ParticipantUnreachableException.class)
                .isThrownBy(() -> conversations.queueOrganiserReply(ALEXANDER, "Здравствуйте"))
                .withMessageContaining("blocked");
        assertThat(messages.count()).isZero();
    }

    @Test
    void refusesAReplyToSomeoneWhoUnsubscribed() {
        // given
        participants.subscribe(alexander(), null);
        participants.unsubscribe(ALEXANDER);

        // when / then
        assertThatExceptionOfType(ParticipantUnreachableException.class)
                .isThrownBy(() -> conversations.queueOrganiserReply(ALEXANDER, "Здравствуйте"))
                .withMessageContaining("unsubscribed");
        assertThat(messages.count()).isZero();
    }

    @Test
    void tellsTheConversationOldestFirst() {
        // given
        participants.subscribe(alexander(), null);
        conversations.recordInbound(new InboundMessage(ALEXANDER, ALEXANDER, MessageKind.COMMAND, "/start", 1L, 1L));
        clock.advance(Duration.ofSeconds(1));
        conversations.queueReplies(List.of(OutgoingMessage.text(ALEXANDER, ALEXANDER, "Здравствуйте!",
                Keyboard.none())), 1L);
        clock.advance(Duration.ofSeconds(1));
        conversations.recordInbound(new InboundMessage(ALEXANDER, ALEXANDER, MessageKind.TEXT, "Вопрос", 3L, 2L));
        clock.advance(Duration.ofSeconds(1));
        conversations.queueOrganiserReply(ALEXANDER, "Ответ");
        conversations.recordInbound(new InboundMessage(2002L, 2002L, MessageKind.TEXT, "чужое", 9L, 3L));
        flushAndClear();

        // when
        var history = conversations.history(ALEXANDER);

        // then
        assertThat(history).extracting(ConversationMessage::getText)
                .containsExactly("/start", "Здравствуйте!", "Вопрос", "Ответ");
        assertThat(history).extracting(ConversationMessage::getDirection)
                .containsExactly(Direction.IN, Direction.OUT, Direction.IN, Direction.OUT);
        assertThat(history).extracting(ConversationMessage::getCreatedAt).isSorted();
    }

    @Test
    void refusesTheHistoryOfSomeoneUnknown() {
        // given / when / then
        assertThatExceptionOfType(ParticipantNotFoundException.class).isThrownBy(() -> conversations.history(4242));
    }

    @Test
    void recordsWhatBecameOfEachDelivery() {
        // given
        var claimed = conversations.queueReplies(List.of(
                OutgoingMessage.text(ALEXANDER, ALEXANDER, "Анонс", Keyboard.none()),
                OutgoingMessage.text(ALEXANDER, ALEXANDER, "Ещё анонс", Keyboard.none()),
                OutgoingMessage.text(ALEXANDER, ALEXANDER, "И ещё", Keyboard.none())), 700L);
        flushAndClear();
        claimed.forEach(out -> conversations.startSending(out.id()));
        var sentAt = clock.advance(Duration.ofSeconds(3));

        // when
        conversations.recordOutcome(DeliveryOutcome.sent(claimed.get(0).id(), 4711L));
        conversations.recordOutcome(DeliveryOutcome.failed(claimed.get(1).id(), "x".repeat(1500)));
        conversations.recordOutcome(DeliveryOutcome.blocked(claimed.get(2).id()));
        flushAndClear();

        // then
        assertThat(messages.findById(claimed.get(0).id())).hasValueSatisfying(message -> {
            assertThat(message.getDeliveryStatus()).isEqualTo(DeliveryStatus.SENT);
            assertThat(message.getTelegramMessageId()).isEqualTo(4711L);
            assertThat(message.getSentAt()).isEqualTo(sentAt);
            assertThat(message.getDeliveryError()).isNull();
        });
        assertThat(messages.findById(claimed.get(1).id())).hasValueSatisfying(message -> {
            assertThat(message.getDeliveryStatus()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(message.getDeliveryError()).as("clipped to its column").hasSize(1000);
        });
        assertThat(messages.findById(claimed.get(2).id())).hasValueSatisfying(message ->
                assertThat(message.getDeliveryStatus()).isEqualTo(DeliveryStatus.BLOCKED));
    }

    @Test
    void findsTheKeyboardOfAMessageSentInAPrivateChatByTelegramsMessageId() {
        // given: an announcement with a like button, sent as Telegram's message 4712
        var keyboard = Keyboard.of(new Button("👍", "like:12"));
        var sent = conversations.queueReplies(List.of(
                OutgoingMessage.text(ALEXANDER, ALEXANDER, "Анонс", keyboard),
                OutgoingMessage.text(ALEXANDER, ALEXANDER, "Без кнопок", Keyboard.none())), 701L);
        conversations.recordOutcomes(List.of(DeliveryOutcome.sent(sent.get(0).id(), 4712L),
                DeliveryOutcome.sent(sent.get(1).id(), 4713L)));
        flushAndClear();

        // when / then
        assertThat(conversations.keyboardOfPrivateMessage(ALEXANDER, 4712L)).contains(keyboard);
        assertThat(conversations.keyboardOfPrivateMessage(ALEXANDER, 4713L)).as("no keyboard").isEmpty();
        assertThat(conversations.keyboardOfPrivateMessage(ALEXANDER, 4714L)).as("no such message").isEmpty();
        assertThat(conversations.keyboardOfPrivateMessage(ALEXANDER + 1, 4712L)).as("another chat").isEmpty();
    }

    private String statusOf(long id) {
        return jdbc.queryForObject("select delivery_status from conversation_message where id = ?", String.class, id);
    }

    @Test
    void theInboxShowsUnansweredConversationsFirstThenTheLatest() {
        // given: Alexander wrote and was answered; Ksenia wrote earlier and was not; Olga wrote last, unanswered
        participants.subscribe(alexander(), null);
        participants.subscribe(new TelegramProfile(1002, 1002, "Ксения", "Садовская", null, "ru"), null);
        participants.subscribe(new TelegramProfile(1003, 1003, null, null, "olga_i", "ru"), null);
        conversations.recordInbound(new InboundMessage(1002L, 1002L, MessageKind.TEXT, "Где парковка?", 1L, 1L));
        conversations.recordInbound(new InboundMessage(ALEXANDER, ALEXANDER, MessageKind.TEXT, "Когда начало?", 2L, 2L));
        conversations.recordInbound(new InboundMessage(ALEXANDER, ALEXANDER, MessageKind.COMMAND, "/events", 3L, 3L));
        conversations.queueOrganiserReply(ALEXANDER, "В 15:00");
        conversations.recordInbound(new InboundMessage(1003L, 1003L, MessageKind.TEXT, "<b>Спасибо</b>", 4L, 4L));
        flushAndClear();

        // when
        var inbox = conversations.inbox(0, 10);

        // then
        assertThat(inbox.threads()).extracting(InboxThread::name, InboxThread::lastText, InboxThread::unanswered)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("@olga_i", "<b>Спасибо</b>", true),
                        org.assertj.core.groups.Tuple.tuple("Ксения Садовская", "Где парковка?", true),
                        org.assertj.core.groups.Tuple.tuple("Александр Духанин", "Когда начало?", false));
        assertThat(conversations.inbox(1, 2).threads()).extracting(InboxThread::telegramUserId)
                .containsExactly(ALEXANDER);
        assertThat(conversations.inbox(7, 2).page()).isEqualTo(1);
    }

    @Test
    void aTextAfterTheOrganisersReplyIsUnansweredAgain() {
        // given: Alexander asked and was answered
        participants.subscribe(alexander(), null);
        conversations.recordInbound(new InboundMessage(ALEXANDER, ALEXANDER, MessageKind.TEXT, "Когда начало?", 1L, 1L));
        conversations.queueOrganiserReply(ALEXANDER, "В 15:00");
        flushAndClear();
        assertThat(conversations.inbox(0, 10).threads()).extracting(InboxThread::unanswered).containsExactly(false);

        // when: he writes again
        conversations.recordInbound(new InboundMessage(ALEXANDER, ALEXANDER, MessageKind.TEXT, "А где?", 2L, 2L));
        flushAndClear();

        // then
        assertThat(conversations.inbox(0, 10).threads()).extracting(InboxThread::lastText, InboxThread::unanswered)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("А где?", true));
    }

    private static TelegramProfile alexander() {
        return new TelegramProfile(ALEXANDER, ALEXANDER, "Александр", "Духанин", "alex_d", "ru");
    }

    private void flushAndClear() {
        entityManager.flush();
        entityManager.clear();
    }
}
