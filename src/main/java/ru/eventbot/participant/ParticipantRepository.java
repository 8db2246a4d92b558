package ru.eventbot.participant;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ParticipantRepository extends JpaRepository<Participant, Long> {

    Optional<Participant> findByTelegramUserId(long telegramUserId);

    /** The row locked for this transaction: a broadcast choosing its recipients meanwhile waits, or is waited for. */
    @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    @org.springframework.data.jpa.repository.Query("select p from Participant p where p.telegramUserId = :telegramUserId")
    Optional<Participant> lockByTelegramUserId(long telegramUserId);

    List<Participant> findAllByOrderByCreatedAtAscIdAsc();

    org.springframework.data.domain.Page<Participant> findAllByOrderByCreatedAtDescIdDesc(
            org.springframework.data.domain.Pageable pageable);

    @org.springframework.data.jpa.repository.Query("""
            select p from Participant p
            where lower(concat(coalesce(p.firstName, ''), ' ', coalesce(p.lastName, ''))) like :pattern escape '\\'
               or lower(coalesce(p.username, '')) like :pattern escape '\\'
            order by p.createdAt desc, p.id desc""")
    org.springframework.data.domain.Page<Participant> search(String pattern,
                                                             org.springframework.data.domain.Pageable pageable);
}
