package ru.eventbot.feedback;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface EventRatingRepository extends JpaRepository<EventRating, Long> {

    Optional<EventRating> findByEventIdAndTelegramUserId(long eventId, long telegramUserId);
}
