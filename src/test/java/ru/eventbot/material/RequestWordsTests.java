package ru.eventbot.material;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestWordsTests {

    @Test
    void recognisesRequestsAndKeepsOnlyTheWordsThatSayWhich() {
        // given / when
        var polite = RequestWords.of("Пришлите, пожалуйста, презентацию Таисии");
        var english = RequestWords.of("Could you send me the slides from Taisia's talk?");
        // then
        assertThat(polite.request()).isTrue();
        assertThat(polite.subject()).isEqualTo("таисии");
        assertThat(english.request()).isTrue();
        assertThat(english.subject()).isEqualTo("taisia");
    }

    @Test
    void tellsAskingForAllOrForMaterialsInGeneralFromAskingForOneKindOfFile() {
        assertThat(RequestWords.of("материалы конференции")).satisfies(words -> {
            assertThat(words.general()).isTrue();
            assertThat(words.all()).isFalse();
            assertThat(words.subject()).isEqualTo("конференции");
        });
        assertThat(RequestWords.of("все слайды форума").all()).isTrue();
        assertThat(RequestWords.of("слайды Петровой").general()).isFalse();
    }

    @Test
    void onlyAKindOfFileOrAnOutrightAskMakesARequestWorthWaitingFor() {
        assertThat(RequestWords.of("Вопрос о материалах").asking()).isFalse();
        assertThat(RequestWords.of("материалы Таисии").asking()).isFalse();
        assertThat(RequestWords.of("пришлите материалы Таисии").asking()).isTrue();
        assertThat(RequestWords.of("слайды Таисии").asking()).isTrue();
    }

    @Test
    void otherTextIsNotARequest() {
        assertThat(RequestWords.of("Спасибо за мероприятие!").request()).isFalse();
        assertThat(RequestWords.of("Хочу записаться на мастер-класс").request()).isFalse();
        assertThat(RequestWords.of("").request()).isFalse();
        assertThat(RequestWords.of(null).request()).isFalse();
    }

    @Test
    void querySyntaxAndControlCharactersAreNoWordsAndLongTextIsCut() {
        // given / when
        var syntax = RequestWords.of("слайды \"Таисии\" AND Петровой* ~2 OR (x)\u0000\u001b");
        var long_ = RequestWords.of("презентация " + "слово ".repeat(5000));
        // then
        assertThat(syntax.subject()).isEqualTo("таисии петровой");
        assertThat(long_.subject().split(" ")).hasSizeLessThanOrEqualTo(24);
    }
}
