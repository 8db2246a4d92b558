package ru.eventbot.material;

public class MaterialNotFoundException extends RuntimeException {

    public MaterialNotFoundException(long materialId) {
        super("There is no material " + materialId + ".");
    }
}
