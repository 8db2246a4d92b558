package ru.eventbot.participant;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ParticipantRepository extends JpaRepository<Participant, Long> {

    Optional<Participant> findByTelegramUserId(long telegramUserId);

    List<Participant> findAllByOrderByCreatedAtAscIdAsc();
}
