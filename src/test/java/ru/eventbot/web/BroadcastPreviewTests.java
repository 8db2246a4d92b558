package ru.eventbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import ru.eventbot.web.BroadcastPreview.Piece;

class BroadcastPreviewTests {

    @Test
    void keepsMarkupAsTextAndLinksWhatTelegramLinksByItself() {
        // when
        var preview = BroadcastPreview.of("<b>Ждём</b> вас: https://example.org/map. Вопросы — @forum_helper #мфц");
        // then
        assertThat(preview.pieces()).containsExactly(
                new Piece("<b>Ждём</b> вас: ", null),
                new Piece("https://example.org/map", "https://example.org/map"),
                new Piece(". Вопросы — ", null),
                new Piece("@forum_helper", "https://t.me/forum_helper"),
                new Piece(" ", null),
                new Piece("#мфц", null));
    }

    @Test
    void linksOnlyWebAddressesNeverScripts() {
        assertThat(BroadcastPreview.of("javascript:alert(1) and data:text/html,x").pieces())
                .extracting(Piece::href).containsOnlyNulls();
    }
}
