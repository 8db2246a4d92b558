package ru.eventbot.broadcast;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Announcements posted once to the channel. A post is PENDING when its broadcast starts, SENDING while the call is
 * made, then SENT (with the channel's message id) or FAILED. Found SENDING after a crash it becomes UNCERTAIN and
 * is not posted again: a doubled post in a channel everyone reads is worse than a missing one, which the organiser
 * sees in the broadcast's record and can post by hand.
 */
@Service
@Transactional
public class ChannelPosts {

    private static final Logger log = LoggerFactory.getLogger(ChannelPosts.class);

    private final ChannelProperties channel;
    private final BroadcastRepository broadcasts;
    private final JsonMapper json;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    ChannelPosts(ChannelProperties channel, BroadcastRepository broadcasts, JsonMapper json, JdbcTemplate jdbc,
                 ApplicationEventPublisher publisher, Clock clock) {
        this.channel = channel;
        this.broadcasts = broadcasts;
        this.json = json;
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Queues an announcement for the channel, when there is one; reminders and notices stay with attendees. */
    void queue(Broadcast broadcast) {
        if (!channel.enabled() || broadcast.getKind() != BroadcastKind.ANNOUNCEMENT) {
            return;
        }
        jdbc.update("insert into channel_post (broadcast_id, event_id, status, updated_at) values (?, ?, 'PENDING', ?)",
                broadcast.getId(), broadcast.getEventId(), now());
        publisher.publishEvent(new ChannelPostQueued(broadcast.getId()));
    }

    /**
     * Takes a PENDING post for posting now. A post found SENDING was under way when the process stopped: it is
     * marked UNCERTAIN and not given out again.
     */
    public Optional<ChannelPost> claim(long broadcastId) {
        if (jdbc.update("update channel_post set status = 'SENDING', updated_at = ? where broadcast_id = ? "
                + "and status = 'PENDING'", now(), broadcastId) == 0) {
            if (jdbc.update("update channel_post set status = 'UNCERTAIN', updated_at = ? where broadcast_id = ? "
                    + "and status = 'SENDING'", now(), broadcastId) > 0) {
                log.warn("Channel post of broadcast {} was being sent when the bot stopped; not posted again",
                        broadcastId);
            }
            return Optional.empty();
        }
        var broadcast = broadcasts.findById(broadcastId).orElseThrow();
        return Optional.of(new ChannelPost(broadcastId, channel.id().strip(), broadcast.getEventId(),
                broadcast.getText(), BroadcastService.entitiesOf(json, broadcast)));
    }

    public void posted(long broadcastId, long chatId, long messageId) {
        jdbc.update("update channel_post set status = 'SENT', chat_id = ?, message_id = ?, updated_at = ? "
                + "where broadcast_id = ?", chatId, messageId, now(), broadcastId);
        log.info("Broadcast {} posted to the channel as message {}", broadcastId, messageId);
    }

    /** The post was claimed but never sent (the application is stopping): it waits for the next start. */
    public void release(long broadcastId) {
        jdbc.update("update channel_post set status = 'PENDING', updated_at = ? where broadcast_id = ? "
                + "and status = 'SENDING'", now(), broadcastId);
    }

    public void failed(long broadcastId, String error) {
        jdbc.update("update channel_post set status = 'FAILED', updated_at = ? where broadcast_id = ?", now(),
                broadcastId);
        log.warn("Broadcast {} could not be posted to the channel: {}", broadcastId, error);
    }

    /** The event a channel message announced, if it is one of our posts about an event. */
    @Transactional(readOnly = true)
    public Optional<Long> eventOf(long chatId, long messageId) {
        List<Long> events = jdbc.queryForList("select event_id from channel_post where chat_id = ? and message_id = ? "
                + "and event_id is not null", Long.class, chatId, messageId);
        return events.stream().findFirst();
    }

    /** How the channel post of a broadcast went: PENDING, SENDING, SENT, FAILED, UNCERTAIN; empty when none. */
    @Transactional(readOnly = true)
    public Optional<String> status(long broadcastId) {
        return jdbc.queryForList("select status from channel_post where broadcast_id = ?", String.class, broadcastId)
                .stream().findFirst();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
