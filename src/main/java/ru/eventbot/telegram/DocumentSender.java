package ru.eventbot.telegram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import ru.eventbot.conversation.OutboxMessage;
import ru.eventbot.material.MaterialService;
import ru.eventbot.material.MaterialService.MaterialDocument;
import ru.eventbot.participant.PersonalDataExport;

/**
 * Sends a material as a document. The first time its bytes go to Telegram they are uploaded and the
 * {@code file_id} Telegram returns is stored; every later delivery, of this material or of any with the same bytes,
 * sends that id. Deliveries of one file are serialised until it has an id, so concurrent first deliveries upload it
 * once.
 */
@Component
class DocumentSender {

    private static final Logger log = LoggerFactory.getLogger(DocumentSender.class);
    private static final int STRIPES = 64;

    private final TelegramGateway gateway;
    private final MaterialService materials;
    private final PersonalDataExport personalData;
    private final Object[] uploadLocks = new Object[STRIPES];

    DocumentSender(TelegramGateway gateway, MaterialService materials, PersonalDataExport personalData) {
        this.gateway = gateway;
        this.personalData = personalData;
        this.materials = materials;
        for (int i = 0; i < STRIPES; i++) {
            uploadLocks[i] = new Object();
        }
    }

    GatewayResult<Message> send(OutboxMessage message) {
        var document = materials.document(message.attachmentId()).orElse(null);
        if (document == null) {
            log.warn("Message {} is to carry material {}, which is gone", message.id(), message.attachmentId());
            return GatewayResult.failed("material " + message.attachmentId() + " no longer exists");
        }
        if (document.telegramFileId() != null) {
            return sendById(message, document.telegramFileId());
        }
        synchronized (uploadLocks[Math.floorMod(document.sha256().hashCode(), STRIPES)]) {
            var current = materials.document(document.materialId()).orElse(document);
            if (current.telegramFileId() != null) {
                return sendById(message, current.telegramFileId());
            }
            return upload(message, current);
        }
    }

    /**
     * Everything stored about the message's participant as a JSON file, built now (so it shows what is stored when
     * it is sent). The file lives in a temporary file readable only by the bot while it is uploaded, as the gateway
     * may have to send it again after a network error.
     */
    GatewayResult<Message> sendPersonalData(OutboxMessage message) {
        var export = message.telegramUserId() == null ? Optional.<String>empty()
                : personalData.of(message.telegramUserId());
        if (export.isEmpty()) {
            return GatewayResult.failed("the participant of message " + message.id() + " is gone");
        }
        Path file = null;
        try {
            file = Files.createTempFile("eventbot-mydata-", ".json",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            // getBytes, not writeString: a stored text with a lone surrogate becomes "?" instead of failing the export
            Files.write(file, export.get().getBytes(StandardCharsets.UTF_8));
            return call(message, new InputFile(file.toFile(), "my-data.json"));
        } catch (IOException | UnsupportedOperationException e) {
            log.error("The personal data export of message {} could not be written", message.id(), e);
            return GatewayResult.failed("the export could not be written: " + e);
        } finally {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("A personal data export could not be deleted at {}", file, e);
        }
    }

    private GatewayResult<Message> sendById(OutboxMessage message, String fileId) {
        return call(message, new InputFile(fileId));
    }

    private GatewayResult<Message> upload(OutboxMessage message, MaterialDocument document) {
        if (!Files.isReadable(document.path())) {
            log.error("The file of material {} is missing at {}", document.materialId(), document.path());
            return GatewayResult.failed("the file of material " + document.materialId() + " is missing");
        }
        // A file, not a stream: the gateway may have to send it again after a network error.
        var result = call(message, new InputFile(document.path().toFile(), document.fileName()));
        var sent = result.value();
        if (result.isDone() && sent != null && sent.getDocument() != null) {
            materials.rememberTelegramFileId(document.materialId(), sent.getDocument().getFileId());
        }
        return result;
    }

    private GatewayResult<Message> call(OutboxMessage message, InputFile file) {
        var send = SendDocument.builder()
                .chatId(message.chatId())
                .document(file)
                .caption(message.text())
                .replyMarkup(Keyboards.toMarkup(message.keyboard()))
                .build();
        return gateway.call("sendDocument", client -> client.execute(send));
    }
}
