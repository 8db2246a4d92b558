package ru.eventbot.participant;

import java.time.Instant;

/** Participants in a given state, for tests outside this package (their state changes are package-private). */
public final class ParticipantFixtures {

    private ParticipantFixtures() {
    }

    public static Participant subscribed(TelegramProfile profile, Instant since) {
        var participant = Participant.firstSeen(profile, since);
        participant.subscribe("consent-test", null, since);
        return participant;
    }

    public static Participant blocked(TelegramProfile profile, Instant since) {
        var participant = subscribed(profile, since);
        participant.markBlocked(since);
        return participant;
    }

    public static Participant unsubscribed(TelegramProfile profile, Instant since) {
        var participant = subscribed(profile, since);
        participant.unsubscribe(since);
        return participant;
    }
}
