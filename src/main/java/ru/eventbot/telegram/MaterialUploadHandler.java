package ru.eventbot.telegram;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.eventbot.conversation.MessageKind;
import ru.eventbot.material.MaterialDrafts;
import ru.eventbot.material.SentDocument;
import ru.eventbot.participant.Organisers;

/**
 * An organiser sends the bot a document: it becomes a material draft (caption: title, then speaker, then a
 * description) and the organiser is asked which event it belongs to. Documents from participants go on to the
 * handlers after this one, which keep them for the inbox.
 */
@Component
@Order(HandlerOrder.COMMAND)
class MaterialUploadHandler implements UpdateHandler {

    private final Organisers organisers;
    private final MaterialDrafts drafts;
    private final MaterialUploadSteps steps;

    MaterialUploadHandler(Organisers organisers, MaterialDrafts drafts, MaterialUploadSteps steps) {
        this.organisers = organisers;
        this.drafts = drafts;
        this.steps = steps;
    }

    @Override
    public boolean handles(Incoming incoming) {
        return incoming.isPrivateMessage() && incoming.kind() == MessageKind.DOCUMENT
                && incoming.raw().getMessage().getDocument() != null
                && organisers.isOrganiser(incoming.telegramUserId());
    }

    @Override
    public void handle(Incoming incoming, Replies replies) {
        var document = incoming.raw().getMessage().getDocument();
        if (document.getFileSize() != null && document.getFileSize() > MaterialUploadSteps.DOWNLOAD_LIMIT) {
            replies.send("material.upload.too.big", document.getFileSize() / (1024 * 1024));
            return;
        }
        var draft = drafts.begin(incoming.telegramUserId(), incoming.chatId(), replies.language(),
                new SentDocument(document.getFileId(), fileNameOf(document), document.getFileSize()),
                incoming.raw().getMessage().getCaption());
        steps.askEvent(replies, draft);
    }

    /** Telegram's file_name is optional: a document without one is called "document". */
    private static String fileNameOf(org.telegram.telegrambots.meta.api.objects.Document document) {
        var name = document.getFileName();
        return name == null || name.isBlank() ? "document" : name;
    }
}
