package ru.eventbot.material;

public enum MaterialRequestStatus {
    /** Nothing answered it yet: it is fulfilled when a material that does is published. */
    WAITING,
    /** The participant was sent the material {@code materialId}. */
    FULFILLED
}
