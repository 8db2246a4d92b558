package ru.eventbot.broadcast;

import java.util.List;
import ru.eventbot.conversation.TextEntity;

/** An announcement claimed for posting to the channel: where, what, and the event it is about (if any). */
public record ChannelPost(long broadcastId, String channel, Long eventId, String text, List<TextEntity> entities) {
}
