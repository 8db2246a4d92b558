package ru.eventbot.participant;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param consentVersion which wording of the personal-data consent line a participant accepted with /start;
 *                       change it together with the text in the message bundles
 */
@ConfigurationProperties("eventbot.participant")
public record ParticipantProperties(@DefaultValue("2026-11-v1") String consentVersion) {
}
