package ru.eventbot.conversation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ConversationMessageRepository extends JpaRepository<ConversationMessage, Long> {

    List<ConversationMessage> findByTelegramUserIdOrderByIdAsc(long telegramUserId);
}
