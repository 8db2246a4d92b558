package ru.eventbot.broadcast;

/** How far a broadcast has got: its recipients by what became of their copy. */
public record BroadcastProgress(long broadcastId, BroadcastStatus status, int total, int pending, int sent,
                                int failed, int blocked, int uncertain, int cancelled) {

    /** Copies whose fate is known: sent, failed, blocked, uncertain or cancelled. */
    public int done() {
        return sent + failed + blocked + uncertain + cancelled;
    }

    public int percent() {
        return total == 0 ? 100 : (int) (100L * done() / total);
    }
}
