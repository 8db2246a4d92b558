package ru.eventbot.participant;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Service
@Transactional
public class ParticipantService {

    private static final Logger log = LoggerFactory.getLogger(ParticipantService.class);
    private static final int MAX_CACHED = 100_000;

    private final ParticipantRepository participants;
    private final ParticipantProperties properties;
    private final Clock clock;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Map<Long, TelegramProfile> stored = new ConcurrentHashMap<>();

    ParticipantService(ParticipantRepository participants, ParticipantProperties properties, Clock clock,
                       org.springframework.jdbc.core.JdbcTemplate jdbc,
                       org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.participants = participants;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Remembers whoever writes to the bot, subscribed or not, so their conversation has an owner. Called for every
     * update, so the common case (known, unchanged) costs no database round trip: profiles known to be stored are
     * cached, each entered only once its transaction has committed. Only {@link #recordContact} writes these
     * fields; whatever deletes a participant or changes them otherwise must {@link #evict} them too.
     */
    public void touch(TelegramProfile profile) {
        if (profile.equals(stored.get(profile.telegramUserId()))) {
            return;
        }
        var known = jdbc.query("select first_name, last_name, username, language from participant "
                        + "where telegram_user_id = ?",
                (rs, n) -> java.util.Objects.equals(rs.getString(1), profile.firstName())
                        && java.util.Objects.equals(rs.getString(2), profile.lastName())
                        && java.util.Objects.equals(rs.getString(3), profile.username())
                        && profile.language().name().equals(rs.getString(4)),
                profile.telegramUserId());
        if (known.isEmpty() || !known.get(0)) {
            recordContact(profile);
        } else {
            rememberOnCommit(profile);
        }
    }

    /** Drops a participant from the cache of stored profiles (see {@link #touch}), now and after the commit. */
    public void evict(long telegramUserId) {
        stored.remove(telegramUserId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    stored.remove(telegramUserId); // after whatever this transaction's touch() put there
                }
            });
        }
    }

    private void rememberOnCommit(TelegramProfile profile) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                if (stored.size() >= MAX_CACHED) {
                    stored.clear(); // crude, but bounded; the busy ones come back with their next update
                }
                stored.put(profile.telegramUserId(), profile);
            }
        });
    }

    /** Remembers whoever writes to the bot and returns them, their profile as Telegram last reported it. */
    public Participant recordContact(TelegramProfile profile) {
        var now = clock.instant();
        rememberOnCommit(profile);
        return participants.findByTelegramUserId(profile.telegramUserId())
                .map(existing -> {
                    existing.refreshProfile(profile, now);
                    return existing;
                })
                .orElseGet(() -> participants.save(Participant.firstSeen(profile, now)));
    }

    public Participant subscribe(TelegramProfile profile, String startPayload) {
        var participant = recordContact(profile);
        participant.subscribe(properties.consentVersion(), startPayload, clock.instant());
        log.info("Participant {} subscribed", profile.telegramUserId());
        return participant;
    }

    public Optional<Participant> unsubscribe(long telegramUserId) {
        var participant = participants.findByTelegramUserId(telegramUserId);
        participant.ifPresent(p -> {
            p.unsubscribe(clock.instant());
            log.info("Participant {} unsubscribed", telegramUserId);
        });
        return participant;
    }

    /** Telegram said the person blocked the bot (a 403 or a my_chat_member update): stop writing to them. */
    public void markBlocked(long telegramUserId) {
        participants.findByTelegramUserId(telegramUserId).ifPresent(p -> {
            if (!p.isBlocked()) {
                p.markBlocked(clock.instant());
                log.info("Participant {} blocked the bot", telegramUserId);
            }
        });
    }

    public void markUnblocked(long telegramUserId) {
        participants.findByTelegramUserId(telegramUserId).ifPresent(p -> p.markUnblocked(clock.instant()));
    }

    /**
     * Erases the participant (152-FZ / GDPR erasure): their row goes, and every module erases or anonymises the rest
     * in this same transaction ({@link ParticipantForgotten}). Counts and averages they contributed to stay correct.
     */
    public void forget(long telegramUserId) {
        // First the participant's row, locked: a broadcast choosing its recipients at this moment (it locks the rows
        // it chose) then either commits first, and its copies to them are anonymised below, or chooses after this
        // commits, without them. Unlocked, its copies could commit after the erasure, still naming them.
        var participant = participants.lockByTelegramUserId(telegramUserId);
        var anonymousId = -java.util.concurrent.ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        events.publishEvent(new ParticipantForgotten(telegramUserId, anonymousId));
        participant.ifPresent(participants::delete);
        evict(telegramUserId);
        log.info("A participant was forgotten at their request");
    }

    @Transactional(readOnly = true)
    public Optional<Participant> find(long telegramUserId) {
        return participants.findByTelegramUserId(telegramUserId);
    }

    /**
     * Participants whose name or username contains {@code query} (any case; all when blank), newest first, a page
     * at a time (pages start at 0).
     */
    @Transactional(readOnly = true)
    public ParticipantPage search(String query, int page, int size) {
        var pattern = query == null || query.isBlank() ? null
                : "%" + query.strip().replace("@", "").toLowerCase(java.util.Locale.ROOT)
                        .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        var pageable = org.springframework.data.domain.PageRequest.of(Math.max(0, page), size);
        var found = pattern == null ? participants.findAllByOrderByCreatedAtDescIdDesc(pageable)
                : participants.search(pattern, pageable);
        if (found.getNumber() > 0 && found.getNumber() >= found.getTotalPages()) {
            return search(query, Math.max(0, found.getTotalPages() - 1), size);
        }
        return new ParticipantPage(found.getContent(), found.getNumber(), Math.max(1, found.getTotalPages()),
                found.getTotalElements());
    }

    @Transactional(readOnly = true)
    public List<Participant> findAll() {
        return participants.findAllByOrderByCreatedAtAscIdAsc();
    }
}
