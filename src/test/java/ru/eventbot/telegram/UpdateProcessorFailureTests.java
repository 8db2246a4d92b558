package ru.eventbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.telegram.telegrambots.meta.api.objects.Update;
import ru.eventbot.conversation.ConversationService;
import ru.eventbot.participant.ParticipantService;

/** An update whose handler throws, and whose apology cannot be stored either, is still marked FAILED. */
class UpdateProcessorFailureTests {

    private final InboundUpdateStore store = mock(InboundUpdateStore.class);
    private final UpdateRouter router = mock(UpdateRouter.class);
    private final ConversationService conversations = mock(ConversationService.class);
    private final ChatOrder chatOrder = mock(ChatOrder.class);
    private final FloodGuard floodGuard = mock(FloodGuard.class);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final UpdateProcessor processor = new UpdateProcessor(store, new IncomingFactory(), router,
            mock(ParticipantService.class), conversations, new StaticMessageSource(),
            new TransactionTemplate(mock(PlatformTransactionManager.class)), floodGuard,
            new TelegramMetrics(registry), chatOrder);

    @Test
    void aStoredUpdateWhoseApologyCannotBeStoredIsMarkedFailedAlone() throws Exception {
        // given: a stored update, a handler that throws, and replies that cannot be stored (too long, say)
        var update = new ObjectMapper().readValue("""
                {"update_id": 501, "message": {"message_id": 7, "date": 1764150000, "text": "Здравствуйте",
                 "chat": {"id": 1001, "type": "private"}, "from": {"id": 1001, "is_bot": false, "first_name": "Анна"}}}
                """, Update.class);
        var taken = new TakenUpdate(501, 1001L, update);
        when(chatOrder.lockAndCatchUp(any())).thenAnswer(call -> call.getArgument(0));
        when(store.markHandled(501)).thenReturn(true);
        when(store.claim(taken)).thenReturn(true);
        when(store.recordFailure(eq(taken), anyString())).thenReturn(true);
        when(floodGuard.check(anyLong())).thenReturn(FloodGuard.Verdict.ADMIT);
        UpdateHandler throwing = mock(UpdateHandler.class);
        org.mockito.Mockito.doThrow(new IllegalStateException("the handler failed")).when(throwing).handle(any(), any());
        when(router.route(any())).thenReturn(Optional.of(throwing));
        when(conversations.queueReplies(any(), any()))
                .thenThrow(new DataIntegrityViolationException("Value too long for column PAYLOAD"));

        // when
        var replies = processor.handle(List.of(taken), List.of());

        // then: once with the message and apology (rolled back), then alone
        assertThat(replies).isEmpty();
        verify(store, times(2)).recordFailure(eq(taken), anyString());
        assertThat(registry.get("eventbot.updates.failed").counter().count()).isEqualTo(1);
    }
}
