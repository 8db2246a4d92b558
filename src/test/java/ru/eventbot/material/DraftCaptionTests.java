package ru.eventbot.material;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DraftCaptionTests {

    @Test
    void theFirstLineIsTheTitleTheSecondTheSpeakerTheRestTheDescription() {
        var caption = DraftCaption.parse("  Как работают люди в МФЦ \nТаисия Петрова\nСлайды\nмастер-класса\n", "a.pdf");
        assertThat(caption).isEqualTo(new DraftCaption("Как работают люди в МФЦ", "Таисия Петрова",
                "Слайды\nмастер-класса"));
    }

    @Test
    void anEmptySecondLineNamesNoSpeaker() {
        assertThat(DraftCaption.parse("Программа\n\nНа весь день", "a.pdf"))
                .isEqualTo(new DraftCaption("Программа", null, "На весь день"));
    }

    @Test
    void withoutACaptionTheFileNameLessItsExtensionIsTheTitle() {
        assertThat(DraftCaption.parse(null, "Люди МФЦ.pdf")).isEqualTo(new DraftCaption("Люди МФЦ", null, null));
        assertThat(DraftCaption.parse("   ", ".profile")).isEqualTo(new DraftCaption(".profile", null, null));
        assertThat(DraftCaption.parse(null, null)).isEqualTo(new DraftCaption("document", null, null));
    }

    @Test
    void aTitleLongerThanTwoHundredCharactersIsShortenedWithAnEllipsis() {
        var title = DraftCaption.parse("Т".repeat(500), "a.pdf").title();
        assertThat(title).hasSize(200).endsWith("…");
    }
}
