package ru.eventbot.conversation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import ru.eventbot.fleet.Fleet;
import ru.eventbot.fleet.InstanceLost;
import ru.eventbot.participant.ParticipantService;
import tools.jackson.databind.json.JsonMapper;

@Service
@Transactional
public class ConversationService {

    private static final Logger log = LoggerFactory.getLogger(ConversationService.class);

    private final ConversationMessageRepository messages;
    private final ConversationLog conversationLog;
    private final ParticipantService participants;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final Fleet fleet;

    ConversationService(ConversationMessageRepository messages, ConversationLog conversationLog,
                        ParticipantService participants, ApplicationEventPublisher events, JdbcTemplate jdbc,
                        JsonMapper json, Clock clock, Fleet fleet) {
        this.fleet = fleet;
        this.messages = messages;
        this.conversationLog = conversationLog;
        this.participants = participants;
        this.events = events;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public void recordInbound(InboundMessage in) {
        log(List.of(ConversationMessage.inbound(in, clock.instant())));
    }


    /**
     * Stores replies in the caller's transaction, PENDING: once it commits the caller sends them, each claimed
     * ({@link #startSending}) just before its call to Telegram. If the process dies first, they are still PENDING
     * and are sent after the restart.
     */
    public List<OutboxMessage> queueReplies(List<OutgoingMessage> outgoing, Long updateId) {
        var now = clock.instant();
        var rows = new ArrayList<ConversationMessage>(outgoing.size());
        var payloads = new ArrayList<OutboxPayload>(outgoing.size());
        for (var out : outgoing) {
            var payload = OutboxPayload.of(out);
            payloads.add(payload);
            rows.add(ConversationMessage.outbound(out, payload.toJson(json), updateId, DeliveryStatus.PENDING, now));
        }
        log(rows);
        var stored = new ArrayList<OutboxMessage>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            stored.add(toOutbox(rows.get(i), payloads.get(i)));
        }
        return stored;
    }

    /** Messages the bot sent outside the outbox (broadcast copies, progress reports), for the conversation record. */
    public void recordSent(List<SentCopy> copies) {
        if (copies.isEmpty()) {
            return;
        }
        var now = clock.instant();
        log(copies.stream().map(copy -> ConversationMessage.delivered(copy, now)).toList());
    }

    /** An organiser's reply: stored PENDING and delivered by the gateway after commit (survives a restart). */
    public ConversationMessage queueOrganiserReply(long telegramUserId, String text) {
        var participant = participants.find(telegramUserId)
                .orElseThrow(() -> new ParticipantNotFoundException(telegramUserId));
        if (!participant.canReceiveMessages()) {
            throw new ParticipantUnreachableException(telegramUserId,
                    "has blocked the bot; Telegram will not deliver messages to them");
        }
        if (!participant.isSubscribed() && !wroteSince(telegramUserId, participant.getUnsubscribedAt())) {
            // After /stop the bot writes on its own no more; answering what they write afterwards is fine.
            throw new ParticipantUnreachableException(telegramUserId,
                    "has unsubscribed (/stop) and has not written since; the bot does not write to them first");
        }
        var out = new OutgoingMessage(telegramUserId, participant.getChatId(), MessageKind.ORGANISER_REPLY, text,
                Keyboard.none(), null);
        var message = ConversationMessage.outbound(out, null, null, DeliveryStatus.PENDING, clock.instant());
        log(List.of(message));
        // what the inbox compares the participant's latest text with (no index by kind to find it)
        jdbc.update("update participant set last_organiser_reply_id = ? where telegram_user_id = ?", message.getId(),
                telegramUserId);
        events.publishEvent(new OutgoingMessageQueued(message.getId()));
        return message;
    }

    /**
     * Messages the bot sends on its own, outside update handling (a material a participant waited for): stored
     * PENDING in the caller's transaction and delivered after commit; a restart in between sends them at start.
     */
    public void queueNotices(List<OutgoingMessage> outgoing) {
        var now = clock.instant();
        var rows = outgoing.stream().map(out -> ConversationMessage.outbound(out, OutboxPayload.of(out).toJson(json),
                null, DeliveryStatus.PENDING, now)).toList();
        log(rows);
        rows.forEach(row -> events.publishEvent(new OutgoingMessageQueued(row.getId())));
    }

    private boolean wroteSince(long telegramUserId, java.time.Instant since) {
        return since == null || messages.existsByTelegramUserIdAndDirectionAndCreatedAtAfter(telegramUserId,
                Direction.IN, since);
    }

    /** Takes a PENDING message for sending; empty when someone else already did (or it is gone). */
    public Optional<OutboxMessage> claim(long messageId) {
        var claimed = jdbc.update("update conversation_message set delivery_status = 'SENDING' "
                + "where id = ? and delivery_status = 'PENDING'", messageId);
        if (claimed == 0) {
            return Optional.empty();
        }
        return messages.findById(messageId)
                .map(message -> toOutbox(message, OutboxPayload.fromJson(json, message.getPayload())));
    }

    /**
     * Claims a PENDING message right before its call to Telegram (one short autocommitted statement), so that at
     * any moment only the messages actually in flight are SENDING; false if it was claimed already.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public boolean startSending(long messageId) {
        return jdbc.update("update conversation_message set delivery_status = 'SENDING' "
                + "where id = ? and delivery_status = 'PENDING'", messageId) == 1;
    }

    /** What became of a message just sent, recorded right after the call (one short statement). */
    @Transactional(propagation = Propagation.SUPPORTS)
    public void recordOutcome(DeliveryOutcome outcome) {
        jdbc.update("update conversation_message set delivery_status = ?, telegram_message_id = ?, "
                        + "delivery_error = ?, sent_at = ? where id = ?",
                outcome.status().name(), outcome.telegramMessageId(), clip(outcome.error()),
                Timestamp.from(clock.instant()), outcome.messageId());
    }

    /** What became of a lane's messages, in one transaction once they are all sent. */
    public void recordOutcomes(List<DeliveryOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        var now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("update conversation_message set delivery_status = ?, telegram_message_id = ?, "
                        + "delivery_error = ?, sent_at = ? where id = ?",
                outcomes.stream().map(outcome -> new Object[] {outcome.status().name(), outcome.telegramMessageId(),
                        clip(outcome.error()), now, outcome.messageId()}).toList());
    }

    /**
     * At start: what a killed process journaled about messages without recording it here. An outcome is recorded
     * (without Telegram's message id, which only the lost answer had); a message whose call was under way is marked
     * UNCERTAIN and never sent again.
     */
    public void settleJournaled(java.util.Map<Long, DeliveryStatus> journaled) {
        var uncertain = 0;
        for (var entry : journaled.entrySet()) {
            var status = entry.getValue();
            var error = status == DeliveryStatus.UNCERTAIN
                    ? "the bot stopped while sending it: delivered or not, it is not sent again"
                    : status == DeliveryStatus.SENT ? null : "outcome recovered from the journal after a restart";
            var updated = jdbc.update("update conversation_message set delivery_status = ?, delivery_error = ? "
                    + "where id = ? and delivery_status in ('PENDING', 'SENDING')", status.name(), error, entry.getKey());
            if (status == DeliveryStatus.UNCERTAIN) {
                uncertain += updated;
            }
        }
        if (uncertain > 0) {
            log.warn("{} outgoing message(s) were in flight when the bot stopped; marked UNCERTAIN, not resent",
                    uncertain);
        }
    }

    /**
     * Messages waiting to be sent, oldest first: after a restart, the replies queued before it (on a shared
     * database, those this instance queued; another instance's are its own).
     */
    @Transactional(readOnly = true)
    public List<OutboxMessage> pendingOutbox(long afterId, int limit) {
        var page = org.springframework.data.domain.Limit.of(limit);
        return (fleet.shared() ? messages.findPendingOf(fleet.instanceId(), afterId, page)
                : messages.findPending(afterId, page)).stream()
                .map(message -> toOutbox(message, OutboxPayload.fromJson(json, message.getPayload())))
                .toList();
    }

    private static String clip(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    }

    /**
     * At start: what was in flight when the process died (claimed, no outcome recorded) is marked UNCERTAIN and
     * never sent again: Telegram may or may not have delivered it.
     */
    public int markInterruptedDeliveriesUncertain() {
        var update = "update conversation_message set delivery_status = 'UNCERTAIN', "
                + "delivery_error = 'interrupted while sending: delivered or not, it is not sent again' "
                + "where delivery_status = 'SENDING'";
        var count = fleet.shared() ? jdbc.update(update + " and (owner = ? or owner is null)", fleet.instanceId())
                : jdbc.update(update);
        if (count > 0) {
            log.warn("{} outgoing message(s) were being sent when the bot stopped; marked UNCERTAIN, not resent", count);
        }
        return count;
    }

    /**
     * Another instance's lease ran out. What it was sending is UNCERTAIN: never sent again, shown in the
     * conversation. So are the replies its update lanes had queued, unless it stopped cleanly (its claim journal,
     * on its own disk, would tell which went out; after a clean stop it is empty, and they never did). The PENDING
     * messages left are this instance's now, and go out through the event publications raised here.
     */
    @EventListener
    void takeOver(InstanceLost lost) {
        var uncertain = jdbc.update("update conversation_message set delivery_status = 'UNCERTAIN', delivery_error = "
                + "'the instance sending it was lost: delivered or not, it is not sent again' where owner = ? and "
                + "(delivery_status = 'SENDING'" + (lost.leftSettled() ? ")"
                : " or (delivery_status = 'PENDING' and update_id is not null))"), lost.instanceId());
        var handedOn = jdbc.queryForList("select id from conversation_message where owner = ? "
                + "and delivery_status = 'PENDING' order by id", Long.class, lost.instanceId());
        for (var id : handedOn) {
            jdbc.update("update conversation_message set owner = ? where id = ?", lost.takenOverBy(), id);
            events.publishEvent(new OutgoingMessageQueued(id));
        }
        if (uncertain > 0 || !handedOn.isEmpty()) {
            log.warn("Lost instance {}: {} outgoing message(s) UNCERTAIN (not resent), {} queued one(s) taken over",
                    lost.instanceId(), uncertain, handedOn.size());
        }
    }

    /**
     * The keyboard the bot sent with one of its messages in a participant's private chat (whose id is the
     * participant's), found by Telegram's message id among the participant's messages (there is no index by
     * Telegram's message id: see V11__conversation_user_kind_index.sql).
     */
    @Transactional(readOnly = true)
    public Optional<Keyboard> keyboardOfPrivateMessage(long chatId, long telegramMessageId) {
        return jdbc.queryForList("select payload from conversation_message where telegram_user_id = ? "
                        + "and chat_id = ? and telegram_message_id = ? and direction = 'OUT' and payload is not null",
                String.class, chatId, chatId, telegramMessageId).stream()
                .map(payload -> OutboxPayload.fromJson(json, payload).keyboard())
                .filter(keyboard -> !keyboard.isEmpty())
                .findFirst();
    }

    @Transactional(readOnly = true)
    public List<ConversationMessage> history(long telegramUserId) {
        if (participants.find(telegramUserId).isEmpty()) {
            throw new ParticipantNotFoundException(telegramUserId);
        }
        return messages.findByTelegramUserIdOrderByIdAsc(telegramUserId);
    }

    /**
     * Participants who wrote to the bot in their own words, those whose latest text came after the organisers'
     * latest reply (or has none) first, then by their latest text, newest first; a page at a time (from 0).
     */
    @Transactional(readOnly = true)
    public InboxPage inbox(int page, int size) {
        var total = jdbc.queryForObject("select count(distinct telegram_user_id) from conversation_message "
                + "where kind = 'TEXT' and direction = 'IN' and telegram_user_id is not null", Long.class);
        var pages = (int) Math.max(1, ((total == null ? 0 : total) + size - 1) / size);
        var shown = Math.max(0, Math.min(page, pages - 1));
        var threads = jdbc.query("""
                select t.telegram_user_id, p.first_name, p.last_name, p.username, m.text, m.created_at,
                       p.last_organiser_reply_id is null or p.last_organiser_reply_id < t.last_in as unanswered
                from (select i.telegram_user_id, max(i.id) as last_in
                      from conversation_message i
                      where i.kind = 'TEXT' and i.direction = 'IN' and i.telegram_user_id is not null
                      group by i.telegram_user_id) t
                join conversation_message m on m.id = t.last_in
                left join participant p on p.telegram_user_id = t.telegram_user_id
                order by unanswered desc, t.last_in desc
                offset ? rows fetch next ? rows only""",
                (rs, n) -> new InboxThread(rs.getLong(1), displayName(rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getLong(1)), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant(), rs.getBoolean(7)),
                shown * size, size);
        return new InboxPage(threads, shown, pages);
    }

    private static String displayName(String first, String last, String username, long telegramUserId) {
        var name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
        if (!name.isEmpty()) {
            return name;
        }
        return username != null ? "@" + username : String.valueOf(telegramUserId);
    }

    private void log(List<ConversationMessage> rows) {
        conversationLog.append(rows);
    }

    private static OutboxMessage toOutbox(ConversationMessage message, OutboxPayload payload) {
        return new OutboxMessage(message.getId(), message.getTelegramUserId(), message.getChatId(), message.getKind(),
                message.getText(), payload.keyboard(), payload.callbackQueryId(), payload.editMessageId(), payload.entities(),
                payload.attachmentId());
    }
}
