package ru.eventbot.event;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EventRepository extends JpaRepository<Event, Long> {

    @EntityGraph(attributePaths = "talks")
    Optional<Event> findWithTalksById(long id);

    @EntityGraph(attributePaths = "talks")
    List<Event> findAllByOrderByStartsAtAsc();

    /** Upcoming and recent: not ended before {@code endedAfter}, soonest first. */
    @Query("select e from Event e where e.endsAt > :endedAfter order by e.startsAt asc, e.id asc")
    List<Event> findCurrent(Instant endedAfter, Pageable page);

    @Query("select count(e) from Event e where e.endsAt > :endedAfter")
    long countCurrent(Instant endedAfter);

    /** Events starting within a window: candidates for reminders. */
    List<Event> findByStartsAtBetween(Instant from, Instant to);

    List<Event> findByEndsAtBetween(Instant from, Instant to);
}
