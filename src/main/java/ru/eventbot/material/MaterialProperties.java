package ru.eventbot.material;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxFileSize the largest file accepted: Telegram's bots may upload at most 50 MB
 * @param choices     how many close hits a free-text request offers as buttons
 */
@ConfigurationProperties("eventbot.materials")
public record MaterialProperties(@DefaultValue("50MB") DataSize maxFileSize, @DefaultValue("5") int choices) {
}
