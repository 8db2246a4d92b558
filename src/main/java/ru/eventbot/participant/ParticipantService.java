package ru.eventbot.participant;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
public class ParticipantService {

    private static final Logger log = LoggerFactory.getLogger(ParticipantService.class);

    private final ParticipantRepository participants;
    private final ParticipantProperties properties;
    private final Clock clock;

    ParticipantService(ParticipantRepository participants, ParticipantProperties properties, Clock clock) {
        this.participants = participants;
        this.properties = properties;
        this.clock = clock;
    }

    /** Remembers whoever writes to the bot, subscribed or not, so their conversation has an owner. */
    public Participant recordContact(TelegramProfile profile) {
        var now = clock.instant();
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

    @Transactional(readOnly = true)
    public Optional<Participant> find(long telegramUserId) {
        return participants.findByTelegramUserId(telegramUserId);
    }

    @Transactional(readOnly = true)
    public List<Participant> findAll() {
        return participants.findAllByOrderByCreatedAtAscIdAsc();
    }
}
