package ru.eventbot.testsupport.telegram;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormattedTextTests {

    @Test
    void stripsHtmlTagsAndDecodesEntities() throws Exception {
        // when
        String plain = FormattedText.plainText("<b>Hi</b>, <a href=\"https://t.me\">link</a> &lt;3 &amp; <tg-spoiler>x</tg-spoiler>",
                "HTML");

        // then
        assertThat(plain).isEqualTo("Hi, link <3 & x");
    }

    @Test
    void rejectsHtmlTelegramCannotParse() {
        // when / then
        assertThatThrownBy(() -> FormattedText.plainText("<div>x</div>", "HTML"))
                .hasMessage("Unsupported start tag \"div\" at byte offset 0");
        assertThatThrownBy(() -> FormattedText.plainText("<b><i>x</b></i>", "html"))
                .hasMessageStartingWith("Unmatched end tag at byte offset 7");
        assertThatThrownBy(() -> FormattedText.plainText("Привет <b>мир", "HTML"))
                .hasMessage("Can't find end tag corresponding to start tag \"b\"");
        assertThatThrownBy(() -> FormattedText.plainText("1 < 2", "HTML"))
                .hasMessageStartingWith("Unclosed start tag");
    }

    @Test
    void stripsMarkdownV2Formatting() throws Exception {
        // when
        String plain = FormattedText.plainText("*bold* _it_ __under__ ~no~ ||secret|| [site](https://x.org/a\\)b) "
                + "`c\\`ode` 10\\.00\\!\n>quote\n```java\nint x = 1;\n```", "MarkdownV2");

        // then
        assertThat(plain).isEqualTo("bold it under no secret site c`ode 10.00!\nquote\nint x = 1;\n");
    }

    @Test
    void rejectsUnescapedReservedCharactersAndUnclosedEntitiesInMarkdownV2() {
        // when / then
        assertThatThrownBy(() -> FormattedText.plainText("Price: 10.00", "MarkdownV2"))
                .hasMessage("Character '.' is reserved and must be escaped with the preceding '\\'");
        assertThatThrownBy(() -> FormattedText.plainText("a-b", "MarkdownV2"))
                .hasMessage("Character '-' is reserved and must be escaped with the preceding '\\'");
        assertThatThrownBy(() -> FormattedText.plainText("*bold", "MarkdownV2"))
                .hasMessage("Can't find end of Bold entity at byte offset 0");
        assertThatThrownBy(() -> FormattedText.plainText("*a _b* c_", "MarkdownV2"))
                .hasMessage("Can't find end of Italic entity at byte offset 3");
    }

    @Test
    void handlesLegacyMarkdown() throws Exception {
        // when / then
        assertThat(FormattedText.plainText("*bold* _it_ [x](http://a.b) 1.5-2", "Markdown")).isEqualTo("bold it x 1.5-2");
        assertThatThrownBy(() -> FormattedText.plainText("snake_case", "Markdown"))
                .hasMessage("Can't find end of the entity starting at byte offset 5");
    }

    @Test
    void leavesPlainTextAlone() throws Exception {
        assertThat(FormattedText.plainText("<b>*as is*</b>", null)).isEqualTo("<b>*as is*</b>");
    }
}
