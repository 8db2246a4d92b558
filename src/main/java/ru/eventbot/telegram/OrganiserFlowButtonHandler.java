package ru.eventbot.telegram;

import ru.eventbot.participant.Organisers;

/**
 * The buttons of an organiser's step-by-step flow in Telegram ({@code /announce}, publishing a material). Callback
 * data is untrusted: the presser must be an organiser, and what the button asks for must fit the draft's step;
 * anything else is refused or called out as expired, and nothing changes.
 */
abstract class OrganiserFlowButtonHandler implements UpdateHandler {

    private final Organisers organisers;
    private final String name;
    private final String prefix;
    private final String expiredKey;

    /** @param name what the log calls a press by someone who is not an organiser, e.g. "announcement button" */
    OrganiserFlowButtonHandler(Organisers organisers, String name, String prefix, String expiredKey) {
        this.organisers = organisers;
        this.name = name;
        this.prefix = prefix;
        this.expiredKey = expiredKey;
    }

    @Override
    public boolean handles(Incoming incoming) {
        return incoming.type() == UpdateType.CALLBACK_QUERY && incoming.callbackData() != null
                && incoming.callbackData().startsWith(prefix);
    }

    @Override
    public void handle(Incoming incoming, Replies replies) {
        var userId = incoming.telegramUserId();
        if (!organisers.allows(userId, name + " " + incoming.callbackData())) {
            replies.answerCallback("announce.refused", userId);
            return;
        }
        if (!press(incoming, incoming.callbackData().substring(prefix.length()), replies)) {
            replies.answerCallback(expiredKey);
        }
    }

    /**
     * Carries out the button's action for an organiser; false when the action is unknown or no longer fits the
     * draft (a button of an earlier message), which the presser is told has expired.
     */
    abstract boolean press(Incoming incoming, String action, Replies replies);
}
