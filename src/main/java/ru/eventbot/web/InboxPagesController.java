package ru.eventbot.web;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.eventbot.conversation.ConversationService;
import ru.eventbot.conversation.ParticipantUnreachableException;
import ru.eventbot.participant.ParticipantService;

/** The organisers' inbox: conversations, unanswered first; one participant's history and a reply box. */
@DashboardPage
@RequestMapping("/dashboard/inbox")
class InboxPagesController {

    static final int MAX_REPLY = 4096;

    private final ConversationService conversations;
    private final ParticipantService participants;
    private final DashboardProperties properties;

    InboxPagesController(ConversationService conversations, ParticipantService participants,
                         DashboardProperties properties) {
        this.conversations = conversations;
        this.participants = participants;
        this.properties = properties;
    }

    @GetMapping
    String inbox(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("inbox", conversations.inbox(page, properties.pageSize()));
        return "dashboard/inbox";
    }

    @GetMapping("/{telegramUserId}")
    String conversation(@PathVariable long telegramUserId, Model model) {
        model.addAttribute("messages", conversations.history(telegramUserId));
        model.addAttribute("participant", participants.find(telegramUserId).orElseThrow());
        return "dashboard/conversation";
    }

    /** Queues the reply; the bot sends it once this request's transaction has committed. */
    @PostMapping("/{telegramUserId}/replies")
    String reply(@PathVariable long telegramUserId, @RequestParam(defaultValue = "") String text,
                 RedirectAttributes redirect) {
        if (text.isBlank()) {
            redirect.addFlashAttribute("error", "Write something to send.");
        } else if (text.length() > MAX_REPLY) {
            redirect.addFlashAttribute("error", "The reply is " + text.length() + " characters long; Telegram takes "
                    + "at most " + MAX_REPLY + ".");
            redirect.addFlashAttribute("draft", text);
        } else {
            try {
                conversations.queueOrganiserReply(telegramUserId, text.strip());
                redirect.addFlashAttribute("notice", "Reply sent through the bot.");
            } catch (ParticipantUnreachableException e) {
                redirect.addFlashAttribute("error", e.getMessage());
                redirect.addFlashAttribute("draft", text);
            }
        }
        return "redirect:/dashboard/inbox/" + telegramUserId;
    }
}
