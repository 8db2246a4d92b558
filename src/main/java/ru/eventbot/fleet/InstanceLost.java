package ru.eventbot.fleet;

/**
 * Published (synchronously, inside the taking-over transaction) when an instance's lease ran out: each module takes
 * over the rows the lost instance had claimed. Exactly one live instance takes over each lost one.
 *
 * @param leftSettled the instance stopped cleanly, its journals emptied: whatever it left PENDING was never sent
 */
public record InstanceLost(String instanceId, String takenOverBy, boolean leftSettled) {
}
