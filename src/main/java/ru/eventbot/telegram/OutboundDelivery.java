package ru.eventbot.telegram;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import ru.eventbot.conversation.ConversationService;
import ru.eventbot.conversation.DeliveryOutcome;
import ru.eventbot.conversation.MessageKind;
import ru.eventbot.conversation.OutboxMessage;
import ru.eventbot.participant.ParticipantService;

/** Sends claimed outbox messages through the gateway and records what became of each. */
@Component
class OutboundDelivery {

    private static final Logger log = LoggerFactory.getLogger(OutboundDelivery.class);

    private final TelegramGateway gateway;
    private final ConversationService conversations;
    private final ParticipantService participants;
    private final DocumentSender documents;
    private final ChartSender charts;

    private final ExecutorService senders;

    OutboundDelivery(TelegramGateway gateway, ConversationService conversations, ParticipantService participants,
                     DocumentSender documents, ChartSender charts, TelegramProperties properties) {
        var number = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(properties.senderThreads(), runnable -> {
            var thread = new Thread(runnable, "telegram-send-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.gateway = gateway;
        this.conversations = conversations;
        this.participants = participants;
        this.documents = documents;
        this.charts = charts;
    }

    /**
     * A batch's replies, different chats concurrently and each chat's in order: each claimed in the journal right
     * before its call and its outcome journaled right after it. Completes with the outcomes, which the lane records
     * in the database later, before emptying the journal. If the process dies meanwhile, the journal names exactly
     * the messages that may have gone out; the others are still PENDING and go out after the restart.
     */
    CompletableFuture<List<DeliveryOutcome>> sendAll(List<OutboxMessage> messages, ClaimJournal.ClaimLog journal) {
        var byChat = new LinkedHashMap<Long, List<OutboxMessage>>();
        messages.forEach(m -> byChat.computeIfAbsent(m.chatId(), chat -> new ArrayList<>()).add(m));
        var outcomes = new ConcurrentLinkedQueue<DeliveryOutcome>();
        var chats = byChat.values().stream()
                .map(chat -> CompletableFuture.runAsync(() -> sendInOrder(chat, journal, outcomes), senders))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(chats).handle((done, failure) -> {
            var settled = new ArrayList<>(outcomes);
            if (failure != null) {
                // Only the journal can fail here; a message without an outcome may have been claimed.
                log.error("Sending replies failed; those without an outcome are marked UNCERTAIN", failure);
                var known = settled.stream().map(DeliveryOutcome::messageId).collect(Collectors.toSet());
                messages.stream().filter(m -> !known.contains(m.id()))
                        .forEach(m -> settled.add(DeliveryOutcome.uncertain(m.id(), failure.toString())));
            }
            return settled;
        });
    }

    private void sendInOrder(List<OutboxMessage> messages, ClaimJournal.ClaimLog journal,
                             Collection<DeliveryOutcome> outcomes) {
        for (var message : messages) {
            MDC.put("chatId", String.valueOf(message.chatId()));
            journal.claim(message.id());
            DeliveryOutcome outcome;
            try {
                outcome = send(message);
            } catch (RuntimeException e) {
                // Its outcome must not be lost: the journal is emptied once the lane's outcomes are recorded.
                log.error("Sending message {} failed unexpectedly; it is not sent again", message.id(), e);
                outcome = DeliveryOutcome.uncertain(message.id(), e.toString());
            } finally {
                MDC.remove("chatId");
            }
            journal.done(message.id(), outcome.status());
            outcomes.add(outcome);
        }
    }

    /** Sends PENDING messages one by one, each claimed in the database (used at start-up and for odd messages). */
    void deliverEach(List<OutboxMessage> messages) {
        for (var message : messages) {
            if (conversations.startSending(message.id())) {
                deliverClaimed(message);
            }
        }
    }

    /** Sends a message already claimed (SENDING) and records what became of it. */
    void deliverClaimed(OutboxMessage message) {
        conversations.recordOutcome(send(message));
    }

    private DeliveryOutcome send(OutboxMessage message) {
        if (message.kind() == MessageKind.CALLBACK_ANSWER) {
            return answerCallback(message);
        }
        if (message.kind() == MessageKind.BOT_EDIT) {
            return edit(message);
        }
        if (message.kind() == MessageKind.BOT_DOCUMENT || message.kind() == MessageKind.BOT_CHART
                || message.kind() == MessageKind.BOT_DATA_EXPORT) {
            var result = switch (message.kind()) {
                case BOT_DOCUMENT -> documents.send(message);
                case BOT_CHART -> charts.send(message);
                default -> documents.sendPersonalData(message);
            };
            return outcomeOf(message, result,
                    result.value() == null ? null : result.value().getMessageId().longValue());
        }
        var send = SendMessage.builder()
                .chatId(message.chatId())
                .text(message.text())
                .entities(TextEntities.toTelegram(message.entities()))
                .replyMarkup(Keyboards.toMarkup(message.keyboard()))
                .build();
        var result = gateway.call(send.getMethod(), client -> client instanceof SynchronousTelegramClient replies
                ? replies.sendForMessageId(send) : client.execute(send).getMessageId());
        return outcomeOf(message, result, result.value() == null ? null : result.value().longValue());
    }

    /** An edit of the bot's own message: new text and keyboard, or only the keyboard. */
    private DeliveryOutcome edit(OutboxMessage message) {
        var markup = Keyboards.toMarkup(message.keyboard());
        var messageId = message.editMessageId().intValue();
        var result = message.text() == null
                ? gateway.call(EditMessageReplyMarkup.builder().chatId(message.chatId()).messageId(messageId)
                        .replyMarkup(markup).build())
                : gateway.call(EditMessageText.builder().chatId(message.chatId()).messageId(messageId)
                        .text(message.text()).entities(TextEntities.toTelegram(message.entities()))
                        .replyMarkup(markup).build());
        return outcomeOf(message, result, message.editMessageId());
    }

    private DeliveryOutcome outcomeOf(OutboxMessage message, GatewayResult<?> result, Long telegramMessageId) {
        return switch (result.outcome()) {
            case DONE -> DeliveryOutcome.sent(message.id(), telegramMessageId);
            case BLOCKED -> {
                if (message.telegramUserId() != null) {
                    participants.markBlocked(message.telegramUserId());
                }
                yield DeliveryOutcome.blocked(message.id());
            }
            case FAILED -> {
                log.warn("Message {} to chat {} not delivered: {}", message.id(), message.chatId(), result.error());
                yield DeliveryOutcome.failed(message.id(), result.error());
            }
            case NOT_SENT -> DeliveryOutcome.notSent(message.id(), result.error());
        };
    }

    private DeliveryOutcome answerCallback(OutboxMessage message) {
        var answer = AnswerCallbackQuery.builder()
                .callbackQueryId(message.callbackQueryId())
                .text(message.text())
                .build();
        var result = gateway.call(answer);
        if (result.isDone()) {
            return DeliveryOutcome.sent(message.id(), null);
        }
        if (result.outcome() == GatewayResult.Outcome.NOT_SENT) {
            return DeliveryOutcome.notSent(message.id(), result.error());
        }
        // A press answered too late is harmless: Telegram just stops the button's spinner by itself.
        log.debug("Callback answer {} not delivered: {}", message.id(), result.error());
        return DeliveryOutcome.failed(message.id(), result.error());
    }
}
