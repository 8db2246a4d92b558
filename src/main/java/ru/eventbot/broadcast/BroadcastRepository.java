package ru.eventbot.broadcast;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface BroadcastRepository extends JpaRepository<Broadcast, Long> {

    List<Broadcast> findByStatusAndScheduledAtLessThanEqualOrderByScheduledAtAsc(BroadcastStatus status, Instant now);

    List<Broadcast> findByStatusOrderByIdAsc(BroadcastStatus status);

    List<Broadcast> findAllByOrderByIdDesc(Limit limit);

    boolean existsByReminderKey(String reminderKey);
}
