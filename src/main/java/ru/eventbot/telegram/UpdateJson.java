package ru.eventbot.telegram;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Reads and writes updates with Jackson 2, which TelegramBots' types are built for (Spring Boot 4's web layer
 * uses Jackson 3, so webhook bodies are read as bytes and parsed here).
 */
@Component
class UpdateJson {

    private static final Logger log = LoggerFactory.getLogger(UpdateJson.class);

    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    Update read(byte[] body) throws IOException {
        return mapper.readValue(body, Update.class);
    }

    /**
     * The update in {@code body}. When it is JSON with an {@code update_id} but its content does not fit the
     * library's types (a type from a newer Bot API, a number out of range), an update with only that id: it is then
     * stored, as received, and skipped, rather than refused, which would make Telegram deliver it again and again.
     * Throws when the body is not JSON at all.
     */
    Update readLeniently(byte[] body) throws IOException {
        try {
            return read(body);
        } catch (IOException unreadable) {
            return onlyItsId(mapper.readTree(body), unreadable);
        }
    }

    /** See {@link #readLeniently(byte[])}: the update of an element of getUpdates' result. */
    static Update readLeniently(ObjectMapper mapper, JsonNode element) throws IOException {
        try {
            return mapper.treeToValue(element, Update.class);
        } catch (IOException unreadable) {
            return onlyItsId(element, unreadable);
        }
    }

    private static Update onlyItsId(JsonNode tree, IOException unreadable) throws IOException {
        var id = tree == null ? null : tree.get("update_id");
        if (id == null || !id.isIntegralNumber() || !id.canConvertToInt()) {
            throw unreadable;
        }
        log.warn("Update {} does not fit the Bot API types this bot knows ({}): stored as received and skipped",
                id.asInt(), unreadable instanceof JsonProcessingException json ? json.getOriginalMessage()
                        : unreadable.getMessage());
        var update = new Update();
        update.setUpdateId(id.asInt());
        return update;
    }

    Update read(String json) throws IOException {
        return mapper.readValue(json, Update.class);
    }

    String write(Update update) {
        try {
            return mapper.writeValueAsString(update);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An update could not be written as JSON", e);
        }
    }
}
