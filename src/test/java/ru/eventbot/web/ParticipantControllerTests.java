package ru.eventbot.web;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import ru.eventbot.participant.ParticipantFixtures;
import ru.eventbot.participant.ParticipantService;
import ru.eventbot.participant.PersonalDataExport;
import ru.eventbot.participant.TelegramProfile;

@OrganiserApiSliceTest
class ParticipantControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ParticipantService participants;

    @Autowired
    UserDetailsService users;

    @Autowired
    PersonalDataExport personalData;

    @BeforeEach
    void organiserAccount() {
        given(users.loadUserByUsername("organiser"))
                .willReturn(User.withUsername("organiser").password("{noop}s3cret").roles("ORGANISER").build());
        given(users.loadUserByUsername("guest"))
                .willReturn(User.withUsername("guest").password("{noop}guest").roles("VIEWER").build());
        given(users.loadUserByUsername("nobody")).willThrow(new UsernameNotFoundException("nobody"));
    }

    @Test
    void asksForCredentialsWithAProblemWhenNoneAreGiven() throws Exception {
        // given / when / then
        mvc.perform(get("/api/v1/participants"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"eventbot\""))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.title").value("Unauthorized"))
                .andExpect(jsonPath("$.instance").value("/api/v1/participants"));
        verifyNoInteractions(participants);
    }

    @Test
    void refusesAWrongPasswordWithAProblem() throws Exception {
        // given / when / then
        mvc.perform(get("/api/v1/participants").with(httpBasic("organiser", "wrong")))
                .andExpect(status().isUnauthorized())
                .andExpect(header().exists("WWW-Authenticate"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/participants").with(httpBasic("nobody", "whatever")))
                .andExpect(status().isUnauthorized());
        verifyNoInteractions(participants);
    }

    @Test
    void forbidsAnAccountWithoutTheOrganiserRoleWithAProblem() throws Exception {
        // given / when / then
        mvc.perform(get("/api/v1/participants").with(httpBasic("guest", "guest")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403));
        verifyNoInteractions(participants);
    }

    @Test
    void listsParticipantsToAnOrganiserSignedInWithHttpBasic() throws Exception {
        // given
        var since = Instant.parse("2026-11-20T09:00:00Z");
        given(participants.findAll()).willReturn(List.of(
                ParticipantFixtures.subscribed(
                        new TelegramProfile(1001, 1001, "Александр", "Духанин", "alex_d", "ru"), since),
                ParticipantFixtures.blocked(
                        new TelegramProfile(2002, 2002, null, null, "taisia", "en"), since.plusSeconds(60)),
                ParticipantFixtures.unsubscribed(
                        new TelegramProfile(3003, 3003, null, null, null, null), since.plusSeconds(120))));

        // when / then
        mvc.perform(get("/api/v1/participants").with(httpBasic("organiser", "s3cret")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[0]", aMapWithSize(7)))
                .andExpect(jsonPath("$[0].telegramUserId").value(1001))
                .andExpect(jsonPath("$[0].name").value("Александр Духанин"))
                .andExpect(jsonPath("$[0].username").value("alex_d"))
                .andExpect(jsonPath("$[0].language").value("ru"))
                .andExpect(jsonPath("$[0].subscribed").value(true))
                .andExpect(jsonPath("$[0].blocked").value(false))
                .andExpect(jsonPath("$[0].since").value("2026-11-20T09:00:00Z"))
                .andExpect(jsonPath("$[1].name").value("@taisia"))
                .andExpect(jsonPath("$[1].language").value("en"))
                .andExpect(jsonPath("$[1].blocked").value(true))
                .andExpect(jsonPath("$[2].name").value("3003"))
                .andExpect(jsonPath("$[2]", aMapWithSize(7)))
                .andExpect(jsonPath("$[2].username").value(nullValue()))
                .andExpect(jsonPath("$[2].subscribed").value(false))
                .andExpect(jsonPath("$[2].since", containsString("2026-11-20T09:02")));
    }

    @Test
    @WithMockUser(roles = "ORGANISER")
    void listsNoParticipantsAsAnEmptyArray() throws Exception {
        // given
        given(participants.findAll()).willReturn(List.of());

        // when / then
        mvc.perform(get("/api/v1/participants"))
                .andExpect(status().isOk())
                .andExpect(content().json("[]"));
    }

    @Test
    @WithMockUser(roles = "ORGANISER")
    void givesAnOrganiserEverythingStoredAboutAParticipantAsTheirExport() throws Exception {
        // given
        given(personalData.of(1001)).willReturn(Optional.of("{\"telegramUserId\":1001,\"likes\":[]}"));

        // when / then
        mvc.perform(get("/api/v1/participants/1001/data"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.telegramUserId").value(1001))
                .andExpect(jsonPath("$.likes.length()").value(0));
    }

    @Test
    @WithMockUser(roles = "ORGANISER")
    void answersAnUnknownParticipantsDataWithAProblem() throws Exception {
        // given
        given(personalData.of(404)).willReturn(Optional.empty());

        // when / then
        mvc.perform(get("/api/v1/participants/404/data"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
    }
}
