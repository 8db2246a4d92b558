package ru.eventbot.broadcast;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.eventbot.conversation.ConversationService;
import ru.eventbot.conversation.MessageKind;
import ru.eventbot.conversation.SentCopy;
import ru.eventbot.conversation.TextEntity;
import ru.eventbot.event.EventService;
import ru.eventbot.fleet.Fleet;
import ru.eventbot.fleet.InstanceLost;
import ru.eventbot.participant.Language;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Broadcasts and their deliveries. A broadcast's recipients are stored as one PENDING row each when it starts;
 * the sender claims rows (SENDING), and records what became of each. See the README on the window between a call
 * to Telegram and its record.
 */
@Service
// refusals are checked before anything is written; they must not undo the caller's other work
@Transactional(noRollbackFor = InvalidBroadcastException.class)
public class BroadcastService {

    private static final Logger log = LoggerFactory.getLogger(BroadcastService.class);
    static final int MAX_TEXT = 4096;

    private final BroadcastRepository broadcasts;
    private final EventService events;
    private final ConversationService conversations;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final ChannelPosts channelPosts;
    private final Clock clock;
    private final Fleet fleet;

    BroadcastService(BroadcastRepository broadcasts, EventService events, ConversationService conversations,
                     JdbcTemplate jdbc, JsonMapper json, ChannelPosts channelPosts, Clock clock, Fleet fleet) {
        this.channelPosts = channelPosts;
        this.fleet = fleet;
        this.broadcasts = broadcasts;
        this.events = events;
        this.conversations = conversations;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** An organiser's announcement: checked, stored, and started at once unless scheduled. */
    public Broadcast announce(NewBroadcast request) {
        var audience = audienceOf(request.audience());
        checkText(request.text(), request.entities());
        if (request.eventId() != null && events.find(request.eventId()).isEmpty()) {
            throw new InvalidBroadcastException("There is no event " + request.eventId() + ".");
        }
        if (audience == Audience.EVENT_ATTENDEES && request.eventId() == null) {
            throw new InvalidBroadcastException("The audience EVENT_ATTENDEES needs an eventId.");
        }
        var now = clock.instant();
        if (request.scheduledAt() != null && request.scheduledAt().isBefore(now)) {
            throw new InvalidBroadcastException("scheduledAt " + request.scheduledAt() + " is in the past.");
        }
        var entities = request.entities() == null || request.entities().isEmpty()
                ? null : json.writeValueAsString(request.entities());
        var broadcast = broadcasts.saveAndFlush(Broadcast.draft(BroadcastKind.ANNOUNCEMENT,
                new BroadcastContent(request.text(), null, entities), request.eventId(), audience,
                request.scheduledAt(), request.paid(), request.createdBy(), request.progressChatId(), null, now));
        log.info("Broadcast {} to {} created by {}{}", broadcast.getId(), audience, request.createdBy(),
                request.scheduledAt() == null ? "" : ", scheduled for " + request.scheduledAt());
        if (request.scheduledAt() == null) {
            start(broadcast);
        }
        return broadcast;
    }

    /**
     * A message the bot composed for an event's attendees (a reminder, a change notice), sent at once. A reminder
     * key that was used before means it went out already: nothing happens and empty is returned.
     */
    Optional<Broadcast> notifyAttendees(BroadcastKind kind, long eventId, String text, String textEn,
                                        String reminderKey) {
        if (reminderKey != null && broadcasts.existsByReminderKey(reminderKey)) {
            return Optional.empty();
        }
        var broadcast = broadcasts.saveAndFlush(Broadcast.draft(kind, new BroadcastContent(text, textEn, null),
                eventId, Audience.EVENT_ATTENDEES, null, false, "eventbot", null, reminderKey, clock.instant()));
        start(broadcast);
        log.info("{} broadcast {} for event {} started to {} attendees", kind, broadcast.getId(), eventId,
                broadcast.getTotal());
        return Optional.of(broadcast);
    }

    private void start(Broadcast broadcast) {
        var recipients = jdbc.update("insert into broadcast_delivery (broadcast_id, telegram_user_id, chat_id, "
                        + "language, status, updated_at) select ?, p.telegram_user_id, p.chat_id, p.language, "
                        + "'PENDING', ? " + RECIPIENTS + " for update", // see ParticipantService.forget
                broadcast.getId(), Timestamp.from(clock.instant()), broadcast.getAudience().name(),
                broadcast.getEventId());
        broadcast.start(recipients, clock.instant());
        channelPosts.queue(broadcast);
        if (recipients == 0) {
            broadcast.finish(clock.instant());
        }
        log.info("Broadcast {} sending to {} recipients", broadcast.getId(), recipients);
    }

    /** Subscribed participants who have not blocked the bot; for EVENT_ATTENDEES, only the event's attendees. */
    private static final String RECIPIENTS = "from participant p where p.subscribed = true and p.blocked = false "
            + "and (? = 'ALL' or p.telegram_user_id in "
            + "(select a.telegram_user_id from event_attendee a where a.event_id = ?))";

    /** How many a broadcast to this audience would reach now. */
    @Transactional(readOnly = true)
    public int recipients(Audience audience, Long eventId) {
        var count = jdbc.queryForObject("select count(*) " + RECIPIENTS, Integer.class, audience.name(), eventId);
        return count == null ? 0 : count;
    }

    /** Starts the scheduled broadcasts whose time has come; each starts once. */
    public int startDue() {
        var due = broadcasts.findByStatusAndScheduledAtLessThanEqualOrderByScheduledAtAsc(BroadcastStatus.SCHEDULED,
                clock.instant());
        due.forEach(this::start);
        return due.size();
    }

    public Broadcast cancel(long broadcastId) {
        var broadcast = get(broadcastId);
        broadcast.cancel(clock.instant());
        var cancelled = jdbc.update("update broadcast_delivery set status = 'CANCELLED', updated_at = ? "
                + "where broadcast_id = ? and status = 'PENDING'", Timestamp.from(clock.instant()), broadcastId);
        log.info("Broadcast {} cancelled; {} copies not sent", broadcastId, cancelled);
        return broadcast;
    }

    @Transactional(readOnly = true)
    public Broadcast get(long broadcastId) {
        return broadcasts.findById(broadcastId).orElseThrow(() -> new BroadcastNotFoundException(broadcastId));
    }

    /** The event a participant's copy of a broadcast was about, found by Telegram's message id (for reactions). */
    @Transactional(readOnly = true)
    public Optional<Long> eventOfCopy(long chatId, long telegramMessageId) {
        return jdbc.queryForList("select b.event_id from broadcast_delivery d join broadcast b on b.id = d.broadcast_id "
                        + "where d.chat_id = ? and d.telegram_message_id = ? and b.event_id is not null", Long.class,
                chatId, telegramMessageId).stream().findFirst();
    }

    /** How many different participants have received at least one broadcast about the event. */
    @Transactional(readOnly = true)
    public int reached(long eventId) {
        var count = jdbc.queryForObject("select count(distinct d.telegram_user_id) from broadcast_delivery d "
                + "join broadcast b on b.id = d.broadcast_id where b.event_id = ? and d.status = 'SENT'", Integer.class,
                eventId);
        return count == null ? 0 : count;
    }

    @Transactional(readOnly = true)
    public boolean isCancelled(long broadcastId) {
        return broadcasts.findById(broadcastId).map(b -> b.getStatus() == BroadcastStatus.CANCELLED).orElse(true);
    }

    @Transactional(readOnly = true)
    public List<Broadcast> recent(int limit) {
        return broadcasts.findAllByOrderByIdDesc(Limit.of(limit));
    }

    @Transactional(readOnly = true)
    public BroadcastProgress progress(long broadcastId) {
        return progressOf(get(broadcastId));
    }

    private BroadcastProgress progressOf(Broadcast broadcast) {
        var counts = new EnumMap<DeliveryState, Integer>(DeliveryState.class);
        jdbc.query("select status, count(*) from broadcast_delivery where broadcast_id = ? group by status",
                rs -> {
                    counts.put(DeliveryState.valueOf(rs.getString(1)), rs.getInt(2));
                }, broadcast.getId());
        return new BroadcastProgress(broadcast.getId(), broadcast.getStatus(), broadcast.getTotal(),
                counts.getOrDefault(DeliveryState.PENDING, 0) + counts.getOrDefault(DeliveryState.SENDING, 0),
                counts.getOrDefault(DeliveryState.SENT, 0), counts.getOrDefault(DeliveryState.FAILED, 0),
                counts.getOrDefault(DeliveryState.BLOCKED, 0), counts.getOrDefault(DeliveryState.UNCERTAIN, 0),
                counts.getOrDefault(DeliveryState.CANCELLED, 0));
    }

    @Transactional(readOnly = true)
    public List<Broadcast> sending() {
        return broadcasts.findByStatusOrderByIdAsc(BroadcastStatus.SENDING);
    }

    /**
     * Claims PENDING copies of the oldest broadcast that has any (SENDING from now on, marked with this claim's id
     * and this instance as owner): up to {@code limit}, or {@code paidLimit} for a paid one. No two claimers, in
     * this instance or another, take the same row: on PostgreSQL the rows are picked with
     * {@code FOR UPDATE SKIP LOCKED}, so instances claiming at once take different rows without waiting for each
     * other; on H2 (one instance) the batch is the PENDING rows up to the n-th recipient, and
     * {@code status = 'PENDING'} in the UPDATE keeps two claimers from sharing a row.
     */
    public List<DeliveryTask> claim(int limit, int paidLimit) {
        for (var broadcast : sending()) {
            var claimId = java.util.concurrent.ThreadLocalRandom.current().nextLong();
            var size = broadcast.isPaid() ? paidLimit : limit;
            var now = Timestamp.from(clock.instant());
            int claimed;
            if (fleet.shared()) {
                // the batch is picked once (a materialized CTE: an IN-subquery may be evaluated more than once)
                claimed = jdbc.update("with batch as materialized (select telegram_user_id from broadcast_delivery "
                                + "where broadcast_id = ? and status = 'PENDING' order by telegram_user_id limit ? "
                                + "for update skip locked) update broadcast_delivery d set status = 'SENDING', "
                                + "claim_id = ?, owner = ?, sending_at = null, updated_at = ? from batch "
                                + "where d.broadcast_id = ? and d.telegram_user_id = batch.telegram_user_id",
                        broadcast.getId(), size, claimId, fleet.instanceId(), now, broadcast.getId());
            } else {
                var last = jdbc.queryForObject("select max(telegram_user_id) from (select telegram_user_id "
                                + "from broadcast_delivery where broadcast_id = ? and status = 'PENDING' "
                                + "order by telegram_user_id fetch first ? rows only) batch", Long.class,
                        broadcast.getId(), size);
                claimed = last == null ? 0 : jdbc.update("update broadcast_delivery set status = 'SENDING', "
                                + "claim_id = ?, owner = ?, updated_at = ? "
                                + "where broadcast_id = ? and status = 'PENDING' and telegram_user_id <= ?",
                        claimId, fleet.instanceId(), now, broadcast.getId(), last);
            }
            if (claimed == 0) {
                continue;
            }
            var entities = entitiesOf(json, broadcast);
            return jdbc.query("select telegram_user_id, chat_id, language, claim_id from broadcast_delivery "
                            + "where broadcast_id = ? and status = 'SENDING' and claim_id = ? order by telegram_user_id",
                    (rs, n) -> {
                        var language = Language.valueOf(rs.getString(3));
                        return new DeliveryTask(broadcast.getId(), broadcast.getKind(), rs.getLong(1), rs.getLong(2),
                                language, broadcast.textFor(language), entities, broadcast.getEventId(),
                                broadcast.isPaid(), rs.getLong(4));
                    }, broadcast.getId(), claimId);
        }
        return List.of();
    }

    /**
     * On a shared database, right before the first call of a claimed batch: from now on its copies may be on the
     * wire. Should this instance be lost, another one hands on the copies of batches that never started and marks
     * those of started ones UNCERTAIN (this instance's journal, which would tell them apart, is out of its reach).
     */
    public void startSending(long broadcastId, long claimId) {
        if (fleet.shared()) {
            jdbc.update("update broadcast_delivery set sending_at = ? where broadcast_id = ? and claim_id = ? "
                    + "and status = 'SENDING'", Timestamp.from(clock.instant()), broadcastId, claimId);
        }
    }

    /** What became of claimed copies; the sent ones are also kept in each participant's conversation. */
    public void record(List<DeliveryResult> results) {
        if (results.isEmpty()) {
            return;
        }
        var now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("update broadcast_delivery set status = ?, telegram_message_id = ?, error = ?, "
                        + "updated_at = ? where broadcast_id = ? and telegram_user_id = ? and status = 'SENDING' "
                        + "and owner = ?",
                results.stream().map(r -> new Object[] {r.state().name(), r.telegramMessageId(), clip(r.error()), now,
                        r.task().broadcastId(), r.task().telegramUserId(), fleet.instanceId()}).toList());
        conversations.recordSent(results.stream()
                .filter(result -> result.state() == DeliveryState.SENT)
                .map(result -> new SentCopy(result.task().telegramUserId(), result.task().chatId(),
                        MessageKind.ANNOUNCEMENT, result.task().text(), result.telegramMessageId()))
                .toList());
    }

    /** Broadcasts with every copy settled are DONE; returns their final figures. */
    public List<BroadcastProgress> finishCompleted() {
        var finished = new ArrayList<BroadcastProgress>();
        for (var broadcast : sending()) {
            var open = jdbc.queryForObject("select count(*) from broadcast_delivery where broadcast_id = ? "
                    + "and status in ('PENDING', 'SENDING')", Integer.class, broadcast.getId());
            if (open != null && open == 0) {
                broadcast.finish(clock.instant());
                var progress = progressOf(broadcast);
                log.info("Broadcast {} done: {} sent, {} failed, {} blocked, {} uncertain of {}", broadcast.getId(),
                        progress.sent(), progress.failed(), progress.blocked(), progress.uncertain(), progress.total());
                finished.add(progress);
            }
        }
        return finished;
    }

    public void attachProgressMessage(long broadcastId, long messageId) {
        get(broadcastId).attachProgressMessage(messageId);
    }

    /**
     * At start, before sending: what a killed process journaled about copies it had claimed. A known outcome is
     * recorded; a copy whose call was under way becomes UNCERTAIN (never sent again); copies claimed but never
     * called go back to PENDING and are sent now. On a shared database only this instance's own claims (its journal
     * covers them) are settled here; other instances' are theirs, or taken over when their lease runs out.
     */
    public void recover(Map<DeliveryKey, DeliveryState> journaled) {
        var now = Timestamp.from(clock.instant());
        var uncertain = 0;
        for (var entry : journaled.entrySet()) {
            var state = entry.getValue();
            var error = state == DeliveryState.UNCERTAIN
                    ? "the bot stopped during the call: delivered or not, it is not sent again" : null;
            var changed = jdbc.update("update broadcast_delivery set status = ?, error = ?, updated_at = ? "
                            + "where broadcast_id = ? and telegram_user_id = ? and status = 'SENDING'",
                    state.name(), error, now, entry.getKey().broadcastId(), entry.getKey().telegramUserId());
            if (state == DeliveryState.UNCERTAIN) {
                uncertain += changed;
            }
        }
        var released = fleet.shared()
                ? jdbc.update("update broadcast_delivery set status = 'PENDING', updated_at = ? where status = 'SENDING' "
                        + "and (owner = ? or owner is null) and " + SENDING_BROADCASTS, now, fleet.instanceId())
                : jdbc.update("update broadcast_delivery set status = 'PENDING', updated_at = ? "
                        + "where status = 'SENDING'", now);
        if (uncertain > 0 || released > 0) {
            log.warn("Broadcast recovery: {} copies were in flight when the bot stopped (UNCERTAIN, not resent); "
                    + "{} claimed but not yet sent go out now", uncertain, released);
        }
    }

    private static final String SENDING_BROADCASTS = "broadcast_id in (select id from broadcast where status = 'SENDING')";

    /**
     * Another instance's lease ran out: its copies claimed but never started go back to PENDING for everyone; those
     * of batches that had started are UNCERTAIN (its journal, on its own disk, would have told which went out).
     */
    @EventListener
    void takeOver(InstanceLost lost) {
        var now = Timestamp.from(clock.instant());
        var released = jdbc.update("update broadcast_delivery set status = 'PENDING', owner = null, updated_at = ? "
                + "where status = 'SENDING' and owner = ? and sending_at is null and " + SENDING_BROADCASTS, now,
                lost.instanceId());
        var uncertain = jdbc.update("update broadcast_delivery set status = 'UNCERTAIN', error = ?, updated_at = ? "
                        + "where status = 'SENDING' and owner = ? and " + SENDING_BROADCASTS,
                "the instance sending it was lost during its batch: delivered or not, it is not sent again", now,
                lost.instanceId());
        if (released > 0 || uncertain > 0) {
            log.warn("Broadcast copies of lost instance {}: {} claimed but never sent go out from the others, {} of "
                    + "batches under way are UNCERTAIN", lost.instanceId(), released, uncertain);
        }
    }

    static List<TextEntity> entitiesOf(JsonMapper json, Broadcast broadcast) {
        return broadcast.getEntities() == null ? List.of()
                : json.readValue(broadcast.getEntities(), new TypeReference<List<TextEntity>>() { });
    }

    private static Audience audienceOf(String audience) {
        if (audience == null || audience.isBlank()) {
            return Audience.ALL;
        }
        try {
            return Audience.valueOf(audience.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidBroadcastException("Unknown audience '" + audience + "'; use ALL or EVENT_ATTENDEES.");
        }
    }

    static void checkText(String text, List<TextEntity> entities) {
        if (text == null || text.isBlank()) {
            throw new InvalidBroadcastException("text must not be empty.");
        }
        if (text.length() > MAX_TEXT) {
            throw new InvalidBroadcastException("text is " + text.length() + " characters long; Telegram takes at most "
                    + MAX_TEXT + ".");
        }
        if (entities != null) {
            for (var entity : entities) {
                if (entity == null || entity.type() == null || entity.offset() < 0 || entity.length() < 1
                        || entity.offset() + entity.length() > text.length()) {
                    throw new InvalidBroadcastException("A formatting entity lies outside the text: " + entity);
                }
            }
        }
    }

    private static String clip(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    }
}
