package ru.eventbot.sandbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Set by {@link SandboxActivation} alone (not meant for configuration files).
 *
 * @param enabled     sandbox mode is on
 * @param token       the token the stand-in generated at this start: the only one it accepts
 * @param organiserId the simulated organiser's Telegram user id, added to the organiser ids
 */
@ConfigurationProperties("eventbot.sandbox")
public record SandboxProperties(boolean enabled, String token,
                                @DefaultValue("" + SandboxActivation.DEFAULT_ORGANISER_ID) long organiserId) {

    @Override
    public String toString() {
        return "SandboxProperties[enabled=" + enabled + ", organiserId=" + organiserId + ", token=<hidden>]";
    }
}
