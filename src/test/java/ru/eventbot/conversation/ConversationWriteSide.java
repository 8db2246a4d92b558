package ru.eventbot.conversation;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** The module's JDBC write side, for slices that import {@link ConversationService} from outside the package. */
@TestConfiguration(proxyBeanMethods = false)
@Import({ConversationLog.class, MessageIds.class})
public class ConversationWriteSide {
}
