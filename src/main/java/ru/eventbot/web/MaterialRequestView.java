package ru.eventbot.web;

import java.time.Instant;
import ru.eventbot.material.MaterialRequest;
import ru.eventbot.material.MaterialRequestStatus;

/** A participant's request for a material in the API. */
record MaterialRequestView(long id, long telegramUserId, String query, MaterialRequestStatus status, Long materialId,
                           Instant createdAt) {

    static MaterialRequestView of(MaterialRequest request) {
        return new MaterialRequestView(request.getId(), request.getTelegramUserId(), request.getQuery(),
                request.getStatus(), request.getMaterialId(), request.getCreatedAt());
    }
}
