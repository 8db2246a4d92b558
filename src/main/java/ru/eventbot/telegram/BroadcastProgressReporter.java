package ru.eventbot.telegram;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import ru.eventbot.broadcast.Broadcast;
import ru.eventbot.broadcast.BroadcastProgress;
import ru.eventbot.broadcast.BroadcastProperties;
import ru.eventbot.broadcast.BroadcastService;
import ru.eventbot.conversation.ConversationService;
import ru.eventbot.conversation.MessageKind;
import ru.eventbot.conversation.SentCopy;
import ru.eventbot.fleet.Fleet;
import ru.eventbot.participant.Language;
import ru.eventbot.participant.Participant;
import ru.eventbot.participant.ParticipantService;

/**
 * The organiser who started a broadcast from Telegram watches it in one message, edited at most every
 * {@code progress-interval} (2 s): {@code ▓▓▓▓░░░░ 52% · 520/1000}, then gets a final report.
 */
@Component
class BroadcastProgressReporter {

    private static final Logger log = LoggerFactory.getLogger(BroadcastProgressReporter.class);
    private static final int BAR = 8;

    private final BroadcastService broadcasts;
    private final TelegramGateway gateway;
    private final ConversationService conversations;
    private final ParticipantService participants;
    private final MessageSource messages;
    private final BroadcastProperties properties;
    private final TaskScheduler scheduler;
    private final Fleet fleet;
    private final Map<Long, Shown> shown = new ConcurrentHashMap<>();

    BroadcastProgressReporter(BroadcastService broadcasts, TelegramGateway gateway, ConversationService conversations,
                              ParticipantService participants, MessageSource messages,
                              BroadcastProperties properties, TaskScheduler scheduler, Fleet fleet) {
        this.fleet = fleet;
        this.scheduler = scheduler;
        this.broadcasts = broadcasts;
        this.gateway = gateway;
        this.conversations = conversations;
        this.participants = participants;
        this.messages = messages;
        this.properties = properties;
    }

    private record Shown(long at, int done) {
    }

    @EventListener(ApplicationReadyEvent.class)
    void startWatching() {
        scheduler.scheduleWithFixedDelay(this::reportSafely, Duration.ofMillis(500));
    }

    private void reportSafely() {
        try {
            // one instance of a fleet at a time, or each would announce the start and edit on its own
            fleet.once("broadcast-progress", Duration.ofMillis(400), Duration.ofMinutes(1), this::report);
        } catch (RuntimeException e) {
            log.warn("Could not update a broadcast's progress message", e);
        }
    }

    /** Looks every half second; edits a progress message at most every interval, and only when it changed. */
    synchronized void report() {
        var now = System.currentTimeMillis();
        for (var broadcast : broadcasts.sending()) {
            if (broadcast.getProgressChatId() == null) {
                continue;
            }
            var progress = broadcasts.progress(broadcast.getId());
            if (broadcast.getProgressMessageId() == null) {
                announceStart(broadcast, progress);
                continue;
            }
            var last = shown.get(broadcast.getId());
            if (last == null || (now - last.at() >= properties.progressInterval().toMillis()
                    && last.done() != progress.done())) {
                edit(broadcast, progress);
            }
        }
    }

    private void announceStart(Broadcast broadcast, BroadcastProgress progress) {
        var chatId = broadcast.getProgressChatId();
        var text = progressText(broadcast, progress, languageOf(chatId));
        var sent = gateway.call(SendMessage.builder().chatId(chatId).text(text).build());
        if (sent.isDone() && sent.value() != null) {
            long messageId = sent.value().getMessageId();
            broadcasts.attachProgressMessage(broadcast.getId(), messageId);
            conversations.recordSent(List.of(new SentCopy(chatId, chatId, MessageKind.BOT_MESSAGE, text, messageId)));
            shown.put(broadcast.getId(), new Shown(System.currentTimeMillis(), progress.done()));
        }
    }

    private void edit(Broadcast broadcast, BroadcastProgress progress) {
        var text = progressText(broadcast, progress, languageOf(broadcast.getProgressChatId()));
        gateway.call(EditMessageText.builder().chatId(broadcast.getProgressChatId())
                .messageId(broadcast.getProgressMessageId().intValue()).text(text).build());
        shown.put(broadcast.getId(), new Shown(System.currentTimeMillis(), progress.done()));
    }

    /** Broadcasts that just finished: the bar shows 100 % and the organiser gets the final figures. */
    synchronized void finished(List<BroadcastProgress> finished) {
        for (var progress : finished) {
            var broadcast = broadcasts.get(progress.broadcastId());
            shown.remove(broadcast.getId());
            var chatId = broadcast.getProgressChatId();
            if (chatId == null) {
                continue;
            }
            var language = languageOf(chatId);
            if (broadcast.getProgressMessageId() != null) {
                edit(broadcast, progress);
            }
            var report = messages.getMessage("broadcast.report", new Object[] {broadcast.getId(), progress.sent(),
                    progress.total(), progress.failed(), progress.blocked(), progress.uncertain()}, language.locale());
            var sent = gateway.call(SendMessage.builder().chatId(chatId).text(report).build());
            if (sent.isDone()) {
                conversations.recordSent(List.of(new SentCopy(chatId, chatId, MessageKind.BOT_MESSAGE, report,
                        sent.value() == null ? null : sent.value().getMessageId().longValue())));
            }
        }
    }

    private String progressText(Broadcast broadcast, BroadcastProgress progress, Language language) {
        var filled = progress.percent() * BAR / 100;
        var bar = "▓".repeat(filled) + "░".repeat(BAR - filled);
        return messages.getMessage("broadcast.progress", new Object[] {broadcast.getId(), bar, progress.percent(),
                progress.done(), progress.total(), progress.sent(), progress.failed(), progress.blocked()},
                language.locale());
    }

    private Language languageOf(long chatId) {
        return participants.find(chatId).map(Participant::getLanguage).orElse(Language.RU);
    }
}
