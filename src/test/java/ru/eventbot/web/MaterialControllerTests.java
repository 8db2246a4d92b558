package ru.eventbot.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import ru.eventbot.material.Material;
import ru.eventbot.material.MaterialRequest;
import ru.eventbot.material.MaterialRequestStatus;
import ru.eventbot.material.MaterialRequests;
import ru.eventbot.material.MaterialService;
import ru.eventbot.material.MaterialTooLargeException;

@OrganiserApiSliceTest
class MaterialControllerTests {

    static final Instant AT = Instant.parse("2026-11-20T09:00:00Z");

    @Autowired
    MockMvc mvc;

    @Autowired
    MaterialService materials;

    @Autowired
    MaterialRequests requests;

    @Test
    @WithMockUser(roles = "ORGANISER")
    void publishesAMaterialFromAMultipartForm() throws Exception {
        // given
        var material = material();
        given(materials.publish(any())).willReturn(material);
        // when / then
        mvc.perform(multipart("/api/v1/events/7/materials")
                        .file(new MockMultipartFile("file", "slides.pdf", "application/pdf", "%PDF".getBytes()))
                        .param("title", "Люди в МФЦ").param("speaker", "Таисия Петрова").param("talkId", "3"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/api/v1/events/7/materials/5")))
                .andExpect(jsonPath("$.id").value(5))
                .andExpect(jsonPath("$.eventId").value(7))
                .andExpect(jsonPath("$.title").value("Люди в МФЦ"))
                .andExpect(jsonPath("$.speaker").value("Таисия Петрова"))
                .andExpect(jsonPath("$.fileName").value("slides.pdf"))
                .andExpect(jsonPath("$.size").value(4));
        then(materials).should().publish(argThat(published -> published.eventId() == 7
                && published.talkId() == 3L && published.title().equals("Люди в МФЦ")
                && published.fileName().equals("slides.pdf")));
    }

    @Test
    @WithMockUser(roles = "ORGANISER")
    void answersAFileAboveTelegramsLimitWith413() throws Exception {
        // given
        given(materials.publish(any())).willThrow(new MaterialTooLargeException(60L << 20, 50L << 20));
        // when / then
        mvc.perform(multipart("/api/v1/events/7/materials")
                        .file(new MockMultipartFile("file", "big.mp4", "video/mp4", new byte[10]))
                        .param("title", "Запись").param("speaker", "Таисия Петрова"))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("50 MB")));
    }

    @Test
    @WithMockUser(roles = "ORGANISER")
    void listsParticipantsRequestsWithTheirState() throws Exception {
        // given
        var request = mock(MaterialRequest.class);
        given(request.getId()).willReturn(11L);
        given(request.getTelegramUserId()).willReturn(1001L);
        given(request.getQuery()).willReturn("Пришлите презентацию Таисии");
        given(request.getStatus()).willReturn(MaterialRequestStatus.FULFILLED);
        given(request.getMaterialId()).willReturn(5L);
        given(request.getCreatedAt()).willReturn(AT);
        given(requests.all()).willReturn(List.of(request));
        // when / then
        mvc.perform(get("/api/v1/material-requests"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(11))
                .andExpect(jsonPath("$[0].telegramUserId").value(1001))
                .andExpect(jsonPath("$[0].query").value("Пришлите презентацию Таисии"))
                .andExpect(jsonPath("$[0].status").value("FULFILLED"))
                .andExpect(jsonPath("$[0].materialId").value(5))
                .andExpect(jsonPath("$[0].createdAt").value("2026-11-20T09:00:00Z"));
    }

    @Test
    @WithMockUser(roles = "ORGANISER")
    void countsWhatParticipantsAreWaitingFor() throws Exception {
        // given
        given(requests.waiting()).willReturn(List.of(new MaterialRequests.WaitingGroup("таисии", 3, AT)));
        // when / then
        mvc.perform(get("/api/v1/material-requests/waiting"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].words").value("таисии"))
                .andExpect(jsonPath("$[0].waiting").value(3))
                .andExpect(jsonPath("$[0].since").value("2026-11-20T09:00:00Z"));
    }

    private static Material material() {
        var material = mock(Material.class);
        given(material.getId()).willReturn(5L);
        given(material.getEventId()).willReturn(7L);
        given(material.getTalkId()).willReturn(3L);
        given(material.getTitle()).willReturn("Люди в МФЦ");
        given(material.getSpeaker()).willReturn("Таисия Петрова");
        given(material.getFileName()).willReturn("slides.pdf");
        given(material.getSize()).willReturn(4L);
        given(material.getContentType()).willReturn("application/pdf");
        given(material.getCreatedAt()).willReturn(AT);
        return material;
    }
}
