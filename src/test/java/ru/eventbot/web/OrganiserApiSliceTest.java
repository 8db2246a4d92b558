package ru.eventbot.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import ru.eventbot.conversation.ConversationService;
import ru.eventbot.material.MaterialRequests;
import ru.eventbot.material.MaterialService;
import ru.eventbot.participant.ParticipantService;
import ru.eventbot.participant.PersonalDataExport;

/**
 * A web slice of the organisers' API with the real security set-up and mocked services (inject them with
 * {@code @Autowired}); every API test class uses this one set-up, so they share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest({ParticipantController.class, ConversationController.class, MaterialController.class,
        MaterialRequestController.class})
@Import(WebSliceConfiguration.class)
@MockitoBean(types = {ParticipantService.class, ConversationService.class, MaterialService.class,
        MaterialRequests.class, UserDetailsService.class, PersonalDataExport.class})
@interface OrganiserApiSliceTest {
}
