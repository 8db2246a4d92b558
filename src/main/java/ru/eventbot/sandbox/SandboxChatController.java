package ru.eventbot.sandbox;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import ru.eventbot.sandbox.ChatViews.AlertView;
import ru.eventbot.sandbox.ChatViews.ChatView;
import ru.eventbot.sandbox.ChatViews.CommandView;
import ru.eventbot.sandbox.ChatViews.LanguageChange;
import ru.eventbot.sandbox.ChatViews.MessageView;
import ru.eventbot.sandbox.ChatViews.NewMessage;
import ru.eventbot.sandbox.ChatViews.NewParticipant;
import ru.eventbot.sandbox.ChatViews.ParticipantView;
import ru.eventbot.sandbox.ChatViews.Press;
import ru.eventbot.sandbox.ChatViews.PressAccepted;
import ru.eventbot.sandbox.ChatViews.Reaction;

/**
 * The chat page's JSON: the sandbox's people, each one's chat with the bot (what changed since a version), and what
 * they do: write, press a button, react, download a file they received. Requests that change something must be
 * {@code application/json}, which a page of another site cannot send without the browser asking first (CORS), so
 * no other site can drive the sandbox through a visitor's browser.
 */
@RestController
@SandboxOnly
@RequestMapping(path = "/sandbox/chat", produces = MediaType.APPLICATION_JSON_VALUE)
class SandboxChatController {

    private static final Set<String> LANGUAGES = Set.of("ru", "en");

    private final StandIn standIn;

    SandboxChatController(StandIn standIn) {
        this.standIn = standIn;
    }

    @GetMapping("/participants")
    List<ParticipantView> participants() {
        return standIn.users().all().stream().map(ParticipantView::of).toList();
    }

    @PostMapping(path = "/participants", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ParticipantView add(@RequestBody NewParticipant participant) {
        var firstName = name(participant.firstName(), "firstName", true);
        var lastName = name(participant.lastName(), "lastName", false);
        try {
            return ParticipantView.of(standIn.users().add(firstName, lastName, language(participant.language())));
        } catch (IllegalStateException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage() + ".");
        }
    }

    @PatchMapping(path = "/participants/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ParticipantView changeLanguage(@PathVariable long id, @RequestBody LanguageChange change) {
        var person = standIn.participants().person(id);
        return ParticipantView.of(standIn.users().update(person.withLanguage(language(change.language()))));
    }

    @GetMapping("/participants/{id}/messages")
    ChatView chat(@PathVariable long id, @RequestParam(defaultValue = "0") long since, HttpServletRequest request) {
        var person = standIn.participants().person(id);
        var changes = standIn.chats().since(id, since);
        var filesPath = request.getContextPath() + "/sandbox/chat/participants/" + id + "/files";
        var commands = standIn.api().commandsFor(person).stream()
                .map(command -> new CommandView(command.path("command").asText(),
                        command.path("description").asText()))
                .toList();
        return new ChatView(ParticipantView.of(person), changes.version(),
                changes.messages().stream().map(entry -> MessageView.of(entry, filesPath)).toList(),
                changes.alerts().stream().map(AlertView::of).toList(), commands);
    }

    @PostMapping(path = "/participants/{id}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    MessageView write(@PathVariable long id, @RequestBody NewMessage message, HttpServletRequest request) {
        var entry = standIn.participants().write(id, message.text());
        return MessageView.of(entry, request.getContextPath() + "/sandbox/chat/participants/" + id + "/files");
    }

    @PostMapping(path = "/participants/{id}/presses", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    PressAccepted press(@PathVariable long id, @RequestBody Press press) {
        if (press.messageId() == null || press.callbackData() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "A press needs messageId and callbackData.");
        }
        return new PressAccepted(standIn.participants().press(id, press.messageId(), press.callbackData()));
    }

    @PostMapping(path = "/participants/{id}/reactions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    void react(@PathVariable long id, @RequestBody Reaction reaction) {
        if (reaction.messageId() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "A reaction needs messageId.");
        }
        standIn.participants().react(id, reaction.messageId(), reaction.emoji());
    }

    /** A file the bot sent to this participant (and only such a file). */
    @GetMapping(path = "/participants/{id}/files/{fileId}", produces = MediaType.ALL_VALUE)
    ResponseEntity<FileSystemResource> download(@PathVariable long id, @PathVariable String fileId) {
        standIn.participants().person(id);
        var file = standIn.files().find(fileId).filter(found -> standIn.chats().hasFile(id, found.fileId()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "The bot sent no such file to participant " + id + "."));
        return file.asAttachment();
    }

    private static String name(String value, String field, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, field + " is required.");
            }
            return null;
        }
        var name = value.strip();
        if (name.length() > 64) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, field + " is longer than 64 characters.");
        }
        return name;
    }

    private static String language(String value) {
        var language = value == null || value.isBlank() ? "ru" : value.strip();
        if (!LANGUAGES.contains(language)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "language must be ru or en.");
        }
        return language;
    }
}
