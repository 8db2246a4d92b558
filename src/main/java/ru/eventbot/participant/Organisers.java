package ru.eventbot.participant;

import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/** Who may act as an organiser in Telegram ({@code EVENTBOT_ORGANISER_IDS}): checked on every command and press. */
@Component
public class Organisers {

    private static final Logger log = LoggerFactory.getLogger(Organisers.class);

    @ConfigurationProperties("eventbot")
    public record Ids(@DefaultValue List<Long> organiserIds) {
    }

    private final Set<Long> ids;

    Organisers(Ids ids) {
        this.ids = Set.copyOf(ids.organiserIds());
        if (this.ids.isEmpty()) {
            log.info("No organisers in Telegram yet: set EVENTBOT_ORGANISER_IDS to their Telegram user ids");
        }
    }

    public Set<Long> ids() {
        return ids;
    }

    public boolean isOrganiser(Long telegramUserId) {
        return telegramUserId != null && ids.contains(telegramUserId);
    }

    /** Refuses someone who is not an organiser, with a log line naming them. */
    public boolean allows(Long telegramUserId, String action) {
        if (isOrganiser(telegramUserId)) {
            return true;
        }
        log.warn("Telegram user {} is not an organiser and was refused: {}", telegramUserId, action);
        return false;
    }
}
