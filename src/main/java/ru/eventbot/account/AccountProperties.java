package ru.eventbot.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param adminUsername the first organiser account ({@code EVENTBOT_ADMIN_USERNAME})
 * @param adminPassword its password ({@code EVENTBOT_ADMIN_PASSWORD}); when empty a random one is generated and
 *                      printed once, when the account is created
 */
@ConfigurationProperties("eventbot.account")
public record AccountProperties(@DefaultValue("admin") String adminUsername, String adminPassword) {

    @Override
    public String toString() {
        return "AccountProperties[adminUsername=" + adminUsername + ", adminPassword=<hidden>]";
    }
}
