package ru.eventbot.telegram;

import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * An update taken from Telegram and waiting to be handled, with the chat that decides its lane.
 *
 * <p>Either it is already stored (a webhook call, or one left from an earlier run), or it came with a getUpdates
 * answer whose offset is not confirmed yet: then {@code payload} is what Telegram sent, and the transaction that
 * handles the update is the one that stores it ({@link InboundUpdateStore#insertHandled}). Until that commits,
 * Telegram still holds the update and delivers it again after a crash. {@code round} is told when that commit
 * (or its failure) happens.
 */
record TakenUpdate(long updateId, Long chatId, Update update, String payload, PollRound round) {

    TakenUpdate(long updateId, Long chatId, Update update) {
        this(updateId, chatId, update, null, null);
    }

    static TakenUpdate polled(Update update, String payload, PollRound round) {
        var taken = new TakenUpdate(update.getUpdateId(), UpdateType.chatIdOf(update), update, payload, round);
        round.expect(taken.updateId());
        return taken;
    }

    /**
     * Called by the lane just before its transaction: the update as the lane is to handle it. Normally the lane
     * stores it; if the poller has stored it meanwhile (the lane was held up, see {@link PollRound}), it is handled
     * as a stored one.
     */
    TakenUpdate forLane() throws InterruptedException {
        if (round == null || round.takeForLane(updateId)) {
            return this;
        }
        return new TakenUpdate(updateId, chatId, update);
    }

    /** Whether its row is in the database already (otherwise handling it stores it). */
    boolean stored() {
        return round == null;
    }

    /** Tells the poll that brought it whether it is now stored (handled or failed) for good. */
    void settled(boolean committed) {
        if (round != null) {
            round.settled(updateId, committed);
        }
    }
}
