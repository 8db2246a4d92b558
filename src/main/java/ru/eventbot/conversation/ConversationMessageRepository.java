package ru.eventbot.conversation;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ConversationMessageRepository extends JpaRepository<ConversationMessage, Long> {

    List<ConversationMessage> findByTelegramUserIdOrderByIdAsc(long telegramUserId);

    boolean existsByTelegramUserIdAndDirectionAndCreatedAtAfter(long telegramUserId, Direction direction,
                                                                java.time.Instant since);

    @Query("select m from ConversationMessage m where m.deliveryStatus = ru.eventbot.conversation.DeliveryStatus.PENDING "
            + "and m.id > :afterId order by m.id")
    List<ConversationMessage> findPending(long afterId, Limit limit);

    @Query("select m from ConversationMessage m where m.deliveryStatus = ru.eventbot.conversation.DeliveryStatus.PENDING "
            + "and m.id > :afterId and (m.owner = :owner or m.owner is null) order by m.id")
    List<ConversationMessage> findPendingOf(String owner, long afterId, Limit limit);
}
