package ru.eventbot.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The organisers' dashboard.
 *
 * @param failedSignIns   wrong passwords one user name may try in {@code signInWindow} before it must wait
 * @param failedSignInsPerAddress the same for one client address, whatever names it tries
 * @param signInWindow    how long until those allowances are whole again (they refill evenly)
 * @param pageSize        rows per page of the long lists (participants, inbox)
 */
@ConfigurationProperties("eventbot.dashboard")
public record DashboardProperties(@DefaultValue("5") int failedSignIns, @DefaultValue("20") int failedSignInsPerAddress,
                                  @DefaultValue("5m") Duration signInWindow, @DefaultValue("50") int pageSize) {
}
