package ru.eventbot.telegram;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import ru.eventbot.conversation.ConversationService;
import ru.eventbot.conversation.OutgoingMessageQueued;

/**
 * Sends messages queued outside update handling (an organiser's reply) once their transaction commits. The
 * event publication registry keeps the event until this returns, so a reply queued just before a crash is sent
 * after the restart; the claim makes sure it is sent once.
 */
@Component
class OrganiserReplySender {

    private final ConversationService conversations;
    private final OutboundDelivery delivery;

    OrganiserReplySender(ConversationService conversations, OutboundDelivery delivery) {
        this.conversations = conversations;
        this.delivery = delivery;
    }

    @Async
    @TransactionalEventListener
    void on(OutgoingMessageQueued queued) {
        conversations.claim(queued.messageId()).ifPresent(delivery::deliverClaimed);
    }
}
