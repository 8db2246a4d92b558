package ru.eventbot.material;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import ru.eventbot.event.EventDetails;
import ru.eventbot.event.EventService;
import ru.eventbot.participant.Language;

/** Requests in participants' words against a real index: inflected names, other alphabets, typos, plain words. */
@DataJpaTest(showSql = false)
@Import(MaterialSliceConfiguration.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class MaterialSearchTests {

    @Autowired
    MaterialService materials;

    @Autowired
    MaterialRequests requests;

    @Autowired
    EventService events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    long forum;
    long conference;
    Material taisia;
    Material irina;
    Material report;

    @BeforeEach
    void publishSomeMaterials() {
        forum = event("Форум инноваций");
        conference = event("Конференция «Цифровой регион»");
        taisia = publish(forum, "Как работают люди в МФЦ", "Таисия Петрова");
        irina = publish(forum, "Цифровые сервисы для жителей", "Ирина Ким");
        report = publish(conference, "Итоги года", "Александр Духанин");
    }

    @AfterEach
    void forgetThem() {
        jdbc.update("delete from material_request");
        jdbc.update("delete from material");
        jdbc.update("delete from talk");
        jdbc.update("delete from event");
        Search.mapping(entityManagerFactory).scope(Material.class).workspace().purge();
    }

    @Test
    void findsASpeakerByAnyFormOfHerName() {
        for (var text : List.of("Пришлите, пожалуйста, презентацию Таисии", "Особенно интересует презентация Таисии",
                "слайды Таисия", "презентация с Таисией", "материалы Таисии Петровой", "слайды Петровой")) {
            assertThat(answer(text)).as(text).isEqualTo(new MaterialAnswer.Found(taisia));
        }
    }

    @Test
    void findsANameWrittenInLatinLettersOrWithATypo() {
        assertThat(answer("Taisia's slides")).isEqualTo(new MaterialAnswer.Found(taisia));
        assertThat(answer("slides from Taisia's talk")).isEqualTo(new MaterialAnswer.Found(taisia));
        assertThat(answer("презентацию Таисеи")).isEqualTo(new MaterialAnswer.Found(taisia));
        assertThat(answer("слайды Петрвой")).isEqualTo(new MaterialAnswer.Found(taisia));
    }

    @Test
    void findsATitleByItsWords() {
        assertThat(answer("презентация про МФЦ")).isEqualTo(new MaterialAnswer.Found(taisia));
        assertThat(answer("слайды про цифровые сервисы")).isEqualTo(new MaterialAnswer.Found(irina));
    }

    @Test
    void offersAllMaterialsOfAnEventAskedForAsAWhole() {
        var answer = answer("материалы форума");
        assertThat(answer).isInstanceOfSatisfying(MaterialAnswer.Choices.class, choices -> {
            assertThat(choices.allOfEvent()).isTrue();
            assertThat(choices.materials()).containsExactly(taisia, irina);
        });
    }

    @Test
    void keepsARequestThatNothingAnswersWaitingAndFulfilsItWhenTheMaterialAppears() {
        // given
        var answer = answer("Пришлите запись выступления Ксении Садовской");
        assertThat(answer).isInstanceOf(MaterialAnswer.Waiting.class);
        // when
        var unrelated = publish(conference, "План на следующий год", "Пётр Сидоров");
        var fulfilledByUnrelated = transaction.execute(status -> requests.fulfilWith(unrelated.getId()));
        var ksenia = publish(conference, "Открытые данные", "Ксения Садовская");
        var fulfilled = transaction.execute(status -> requests.fulfilWith(ksenia.getId()));
        // then
        assertThat(fulfilledByUnrelated).isZero();
        assertThat(fulfilled).isEqualTo(1);
        assertThat(requests.all()).singleElement().satisfies(request -> {
            assertThat(request.getStatus()).isEqualTo(MaterialRequestStatus.FULFILLED);
            assertThat(request.getMaterialId()).isEqualTo(ksenia.getId());
        });
    }

    @Test
    void readsQuerySyntaxAndOddInputAsPlainWords() {
        assertThat(answer("слайды Таисии*")).isEqualTo(new MaterialAnswer.Found(taisia));
        assertThat(answer("презентация \"Петровой\" AND ~ OR (")).isEqualTo(new MaterialAnswer.Found(taisia));
        assertThat(answer("слайды \u0000\u0007Таисии\u001b")).isEqualTo(new MaterialAnswer.Found(taisia));
        assertThat(answer("")).isEqualTo(new MaterialAnswer.NotARequest());
        assertThat(answer("Пришлите презентацию")).isEqualTo(new MaterialAnswer.Unclear());
        assertThat(answer("Спасибо за мероприятие!")).isEqualTo(new MaterialAnswer.NotARequest());
        assertThat(answer("Вопрос о материалах")).isEqualTo(new MaterialAnswer.NotARequest());
        assertThat(answer("презентация " + "оченьдлинноеслово ".repeat(300))).isInstanceOf(MaterialAnswer.Waiting.class);
    }

    private MaterialAnswer answer(String text) {
        return transaction.execute(status -> requests.answer(new MaterialAsk(42, 42, Language.RU, text)));
    }

    private long event(String title) {
        var start = OffsetDateTime.parse("2026-12-10T15:00:00+03:00");
        return events.create(new EventDetails(title, null, null, start, start.plusHours(2),
                ZoneId.of("Europe/Moscow"), List.of())).getId();
    }

    private Material publish(long eventId, String title, String speaker) {
        return materials.publish(new NewMaterial(eventId, null, title, speaker, null, "slides.pdf",
                new ByteArrayResource(("%PDF-1.4 " + title).getBytes(StandardCharsets.UTF_8))));
    }
}
