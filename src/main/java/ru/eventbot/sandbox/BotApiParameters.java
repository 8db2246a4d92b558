package ru.eventbot.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The parameters of one Bot API call however they came (a JSON body, a form, multipart with files): form values
 * are strings, so numbers and JSON-serialized objects are read from strings too, as Telegram does.
 */
record BotApiParameters(ObjectNode values, Map<String, Upload> files, ObjectMapper mapper) {

    /** A file part of a multipart call. */
    record Upload(String fileName, String contentType, byte[] bytes) {
    }

    boolean has(String name) {
        var value = values.get(name);
        return value != null && !value.isNull();
    }

    String text(String name) {
        return has(name) ? values.get(name).asText() : null;
    }

    String requiredText(String name) {
        var value = text(name);
        if (value == null) {
            throw BotApiFailure.badRequest(name + " is required");
        }
        return value;
    }

    long requiredLong(String name) {
        var value = requiredText(name).strip();
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw BotApiFailure.badRequest(name + " must be a number");
        }
    }

    int requiredInt(String name) {
        var value = requiredLong(name);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw BotApiFailure.badRequest(name + " is out of range");
        }
        return (int) value;
    }

    Integer optionalInt(String name) {
        return has(name) ? requiredInt(name) : null;
    }

    boolean flag(String name) {
        return has(name) && (values.get(name).asBoolean(false) || "true".equalsIgnoreCase(text(name)));
    }

    /** An object or array parameter: itself in a JSON body, serialized as a string in a form. */
    JsonNode json(String name) {
        if (!has(name)) {
            return null;
        }
        var value = values.get(name);
        if (!value.isTextual()) {
            return value;
        }
        try {
            return mapper.readTree(value.asText());
        } catch (JsonProcessingException e) {
            throw BotApiFailure.badRequest("can't parse " + name + " JSON object");
        }
    }
}
