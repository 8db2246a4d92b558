package ru.eventbot.broadcast;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The organisers' Telegram channel ({@code EVENTBOT_CHANNEL_ID}: {@code @name} or the numeric id), where every
 * announcement is also posted once; none when empty. The bot must be an administrator there to post and to be told
 * the posts' reaction counts.
 */
@ConfigurationProperties("eventbot.channel")
public record ChannelProperties(String id) {

    public boolean enabled() {
        return id != null && !id.isBlank();
    }
}
