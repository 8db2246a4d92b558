package ru.eventbot.material;

/** A button of an earlier step (or of a draft already published or cancelled) was pressed. */
public class MaterialDraftOutOfStepException extends RuntimeException {

    public MaterialDraftOutOfStepException(MaterialDraft.Step actual, MaterialDraft.Step expected) {
        super("The material draft is at step " + actual + ", not " + expected);
    }

    MaterialDraftOutOfStepException(String message) {
        super(message);
    }
}
