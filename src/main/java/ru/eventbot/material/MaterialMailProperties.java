package ru.eventbot.material;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Materials by e-mail (offered only when {@code spring.mail.host} is set).
 *
 * @param from            the sender address
 * @param attachmentLimit files up to this size go as attachments; larger ones as a download link
 * @param publicUrl       where the bot's web server is reached from outside, for download links
 * @param linkValidity    how long a download link works
 * @param linkSecret      key that signs download links; set it (EVENTBOT_LINK_SECRET) so links survive a restart
 * @param codeValidity    how long a confirmation code works
 */
@ConfigurationProperties("eventbot.materials.mail")
public record MaterialMailProperties(@DefaultValue("eventbot@localhost") String from,
                                     @DefaultValue("10MB") DataSize attachmentLimit,
                                     @DefaultValue("http://localhost:8080") String publicUrl,
                                     @DefaultValue("7d") Duration linkValidity,
                                     String linkSecret,
                                     @DefaultValue("15m") Duration codeValidity) {
}
