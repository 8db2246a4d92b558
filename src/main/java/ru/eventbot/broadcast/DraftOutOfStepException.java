package ru.eventbot.broadcast;

/** A press on an old button of a draft that has moved on (or was started again). */
public class DraftOutOfStepException extends RuntimeException {

    public DraftOutOfStepException(AnnouncementDraft.Step actual, AnnouncementDraft.Step expected) {
        super("The draft is at " + actual + ", not at " + expected);
    }
}
