package ru.eventbot.telegram;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Reads and writes updates with Jackson 2, which TelegramBots' types are built for (Spring Boot 4's web layer
 * uses Jackson 3, so webhook bodies are read as bytes and parsed here).
 */
@Component
class UpdateJson {

    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    Update read(byte[] body) throws IOException {
        return mapper.readValue(body, Update.class);
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
