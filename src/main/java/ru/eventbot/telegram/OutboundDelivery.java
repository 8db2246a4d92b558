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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private final ExecutorService senders;

    OutboundDelivery(TelegramGateway gateway, ConversationService conversations, ParticipantService participants,
                     DocumentSender documents, TelegramProperties properties) {
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
    }

    /**
     * A lane's replies, in order: each claimed in the lane's journal right before its call, all outcomes recorded
     * in one batch afterwards, then the journal emptied. If the process dies meanwhile, the journal names exactly
     * the messages that may have gone out; the others are still PENDING and go out after the restart.
     */
    void deliverAll(List<OutboxMessage> messages, ClaimJournal.ClaimLog journal) {
        var byChat = new LinkedHashMap<Long, List<OutboxMessage>>();
        messages.forEach(m -> byChat.computeIfAbsent(m.chatId(), chat -> new ArrayList<>()).add(m));
        var outcomes = new ConcurrentLinkedQueue<DeliveryOutcome>();
        try {
            if (byChat.size() == 1) {
                sendInOrder(messages, journal, outcomes);
            } else {
                // Different chats go out concurrently, each chat's messages in order.
                CompletableFuture.allOf(byChat.values().stream()
                        .map(chat -> CompletableFuture.runAsync(() -> sendInOrder(chat, journal, outcomes), senders))
                        .toArray(CompletableFuture[]::new)).join();
            }
        } finally {
            conversations.recordOutcomes(List.copyOf(outcomes));
        }
        journal.clear();
    }

    private void sendInOrder(List<OutboxMessage> messages, ClaimJournal.ClaimLog journal,
                             Collection<DeliveryOutcome> outcomes) {
        for (var message : messages) {
            journal.claim(message.id());
            var outcome = send(message);
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
        if (message.kind() == MessageKind.BOT_DOCUMENT) {
            var result = documents.send(message);
            return outcomeOf(message, result,
                    result.value() == null ? null : result.value().getMessageId().longValue());
        }
        var send = SendMessage.builder()
                .chatId(message.chatId())
                .text(message.text())
                .entities(TextEntities.toTelegram(message.entities()))
                .replyMarkup(Keyboards.toMarkup(message.keyboard()))
                .build();
        var result = gateway.call(send);
        return outcomeOf(message, result,
                result.value() == null ? null : result.value().getMessageId().longValue());
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
