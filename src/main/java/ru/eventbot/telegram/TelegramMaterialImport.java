package ru.eventbot.telegram;

import java.io.File;
import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import ru.eventbot.material.InvalidMaterialException;
import ru.eventbot.material.MaterialDrafts;
import ru.eventbot.material.MaterialImportRequested;
import ru.eventbot.material.MaterialTooLargeException;
import ru.eventbot.material.UnacceptableFileTypeException;

/**
 * Fetches the file of a material an organiser confirmed in Telegram ({@code getFile}, then the download) and
 * publishes it, after the confirming update commits and outside any transaction. The event publication registry
 * keeps {@link MaterialImportRequested} until this returns: stopped half-way, it runs again at the next start, and
 * a draft already published is not published twice.
 */
@Component
class TelegramMaterialImport {

    private static final Logger log = LoggerFactory.getLogger(TelegramMaterialImport.class);

    private final TelegramGateway gateway;
    private final MaterialDrafts drafts;

    TelegramMaterialImport(TelegramGateway gateway, MaterialDrafts drafts) {
        this.gateway = gateway;
        this.drafts = drafts;
    }

    @Async
    @TransactionalEventListener
    void on(MaterialImportRequested requested) {
        var organiser = requested.telegramUserId();
        var draft = drafts.importing(organiser).orElse(null);
        if (draft == null) {
            return;
        }
        var described = gateway.call(GetFile.builder().fileId(draft.getTelegramFileId()).build());
        var download = described.isDone()
                ? gateway.call("downloadFile", client -> client.downloadFile(described.value())) : null;
        var outcome = download == null ? described.outcome() : download.outcome();
        if (outcome == GatewayResult.Outcome.NOT_SENT) {
            throw new IllegalStateException("Stopping before the material file of organiser " + organiser
                    + " was fetched; it is fetched at the next start");
        }
        if (download == null || !download.isDone()) {
            drafts.failed(organiser, download == null ? described.error() : download.error());
            return;
        }
        publish(organiser, download.value());
    }

    private void publish(long organiser, File file) {
        try {
            drafts.publish(organiser, new FileSystemResource(file))
                    .ifPresent(material -> log.info("Organiser {} published material {} from Telegram", organiser,
                            material.getId()));
        } catch (InvalidMaterialException | MaterialTooLargeException | UnacceptableFileTypeException e) {
            drafts.refused(organiser, e);
        } finally {
            try {
                Files.deleteIfExists(file.toPath());
            } catch (java.io.IOException e) {
                log.warn("Could not delete the downloaded file {}", file);
            }
        }
    }
}
