package ru.eventbot.web;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ru.eventbot.conversation.ConversationService;

@RestController
@RequestMapping("/api/v1/conversations/{telegramUserId}")
class ConversationController {

    private final ConversationService conversations;

    ConversationController(ConversationService conversations) {
        this.conversations = conversations;
    }

    /** The whole conversation with one participant, oldest first. */
    @GetMapping
    List<MessageView> history(@PathVariable long telegramUserId) {
        return conversations.history(telegramUserId).stream().map(MessageView::of).toList();
    }

    /** Queues an organiser's reply; it is sent through the bot after the request returns. */
    @PostMapping("/replies")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ReplyAccepted reply(@PathVariable long telegramUserId, @Valid @RequestBody ReplyRequest request) {
        var message = conversations.queueOrganiserReply(telegramUserId, request.text());
        return new ReplyAccepted(message.getId(), message.getDeliveryStatus().name());
    }
}
