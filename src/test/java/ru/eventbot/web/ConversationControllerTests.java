package ru.eventbot.web;

import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import ru.eventbot.conversation.ConversationFixtures;
import ru.eventbot.conversation.ConversationService;
import ru.eventbot.conversation.DeliveryStatus;
import ru.eventbot.conversation.MessageKind;
import ru.eventbot.conversation.ParticipantNotFoundException;
import ru.eventbot.conversation.ParticipantUnreachableException;

@OrganiserApiSliceTest
class ConversationControllerTests {

    static final Instant AT = Instant.parse("2026-11-20T09:00:00Z");

    @Autowired
    MockMvc mvc;

    @Autowired
    ConversationService conversations;

    @Test
    void asksForCredentialsWithAProblemWhenNoneAreGiven() throws Exception {
        // given / when / then
        mvc.perform(get("/api/v1/conversations/1001"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"eventbot\""))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(post("/api/v1/conversations/1001/replies")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"Здравствуйте\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().exists("WWW-Authenticate"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        then(conversations).shouldHaveNoInteractions();
    }

    @Test
    @WithMockUser(roles = "ORGANISER")
    void showsTheConversationOldestFirst() throws Exception {
        // given
        given(conversations.history(1001)).willReturn(List.of(
                ConversationFixtures.inbound(1, 1001, MessageKind.COMMAND, "/start", 11L, AT),
                ConversationFixtures.outbound(2, 1001, MessageKind.BOT_MESSAGE, "Здравствуйте!",
                        DeliveryStatus.SENT, 12L, AT.plusSeconds(1)),
                ConversationFixtures.inbound(3, 1001, MessageKind.TEXT, "Пришлите презентацию", 13L,
                        AT.plusSeconds(60)),
                ConversationFixtures.outbound(4, 1001, MessageKind.ORGANISER_REPLY, "Отправили",
                        DeliveryStatus.PENDING, null, AT.plusSeconds(120))));

        // when / then
        mvc.perform(get("/api/v1/conversations/1001"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.length()").value(4))
                .andExpect(jsonPath("$[*].direction").value(org.hamcrest.Matchers.contains("IN", "OUT", "IN", "OUT")))
                .andExpect(jsonPath("$[*].text").value(org.hamcrest.Matchers.contains(
                        "/start", "Здравствуйте!", "Пришлите презентацию", "Отправили")))
                .andExpect(jsonPath("$[0].kind").value("COMMAND"))
                .andExpect(jsonPath("$[0].telegramMessageId").value(11))
                .andExpect(jsonPath("$[0].at").value("2026-11-20T09:00:00Z"))
                .andExpect(jsonPath("$[1].kind").value("BOT_MESSAGE"))
                .andExpect(jsonPath("$[1].at").value("2026-11-20T09:00:01Z"))
                .andExpect(jsonPath("$[3].kind").value("ORGANISER_REPLY"))
                .andExpect(jsonPath("$[3].telegramMessageId").value(nullValue()))
                .andExpect(jsonPath("$[3].deliveryStatus").value("PENDING"));
    }

    @Test
    @WithMockUser(roles = "ORGANISER")
    void answersNotFoundWithAProblemForAnUnknownParticipant() throws Exception {
        // given
        given(conversations.history(4242)).willThrow(new ParticipantNotFoundException(4242));

        // when / then
        mvc.perform(get("/api/v1/conversations/4242"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.title").value("Participant not found"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("4242")));
    }

    @Test
    @WithMockUser(roles = "ORGANISER")
    void acceptsAReplyForSending() throws Exception {
        // given
        given(conversations.queueOrganiserReply(1001, "Презентация будет завтра"))
                .willReturn(ConversationFixtures.outbound(42, 1001, MessageKind.ORGANISER_REPLY,
                        "Презентация будет завтра", DeliveryStatus.PENDING, null, AT));

        // when / then
        mvc.perform(post("/api/v1/conversations/1001/replies")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"Презентация будет завтра\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.id").value(42))
                .andExpect(jsonPath("$.status").value("PENDING"));
        then(conversations).should().queueOrganiserReply(1001, "Презентация будет завтра");
    }

    @Test
    @WithMockUser(roles = "ORGANISER")
    void acceptsAReplyOfTheLongestLengthTelegramTakes() throws Exception {
        // given
        var longest = "я".repeat(4096);
        given(conversations.queueOrganiserReply(1001, longest)).willReturn(ConversationFixtures.outbound(43, 1001,
                MessageKind.ORGANISER_REPLY, longest, DeliveryStatus.PENDING, null, AT));

        // when / then
        mvc.perform(post("/api/v1/conversations/1001/replies")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"" + longest + "\"}"))
                .andExpect(status().isAccepted());
    }

    @Test
    @WithMockUser(roles = "ORGANISER")
    void answersConflictWithAProblemWhenTheParticipantBlockedTheBot() throws Exception {
        // given
        given(conversations.queueOrganiserReply(2002, "Здравствуйте"))
                .willThrow(new ParticipantUnreachableException(2002, "has blocked the bot"));

        // when / then
        mvc.perform(post("/api/v1/conversations/2002/replies")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"Здравствуйте\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(409))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("2002")));
    }

    @Test
    @WithMockUser(roles = "ORGANISER")
    void answersNotFoundWithAProblemForAReplyToSomeoneUnknown() throws Exception {
        // given
        given(conversations.queueOrganiserReply(4242, "Здравствуйте"))
                .willThrow(new ParticipantNotFoundException(4242));

        // when / then
        mvc.perform(post("/api/v1/conversations/4242/replies")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"Здравствуйте\"}"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    @WithMockUser(roles = "ORGANISER")
    void refusesABlankReplyWithAProblem() throws Exception {
        // given / when / then
        for (var body : List.of("{\"text\": \"   \"}", "{\"text\": \"\"}", "{}")) {
            mvc.perform(post("/api/v1/conversations/1001/replies")
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(400));
        }
        then(conversations).should(never()).queueOrganiserReply(anyLong(), anyString());
    }

    @Test
    @WithMockUser(roles = "ORGANISER")
    void refusesAReplyLongerThanTelegramTakesWithAProblem() throws Exception {
        // given
        var tooLong = "a".repeat(4097);

        // when / then
        mvc.perform(post("/api/v1/conversations/1001/replies")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"" + tooLong + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400));
        then(conversations).should(never()).queueOrganiserReply(anyLong(), anyString());
    }

    @Test
    @WithMockUser(roles = "ORGANISER")
    void refusesABodyThatIsNotJsonWithAProblem() throws Exception {
        // given / when / then
        mvc.perform(post("/api/v1/conversations/1001/replies")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        then(conversations).should(never()).queueOrganiserReply(anyLong(), anyString());
    }

    @Test
    @WithMockUser(roles = "ORGANISER")
    void answersAnUnexpectedFailureWithAProblemThatHidesTheCause() throws Exception {
        // given
        given(conversations.history(1001)).willThrow(new IllegalStateException("database password is hunter2"));

        // when / then
        mvc.perform(get("/api/v1/conversations/1001"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("hunter2"))));
    }
}
