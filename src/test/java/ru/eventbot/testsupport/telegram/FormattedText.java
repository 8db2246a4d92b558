package ru.eventbot.testsupport.telegram;

import java.io.Serial;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;

/**
 * Turns message text with a {@code parse_mode} into the plain text a user sees, rejecting markup that Telegram
 * would reject with {@code Bad Request: can't parse entities: ...}. Lengths (4096/1024) are counted on the result,
 * as Telegram does. This is a faithful-enough approximation of Telegram's parsers, not a copy of them.
 */
final class FormattedText {

    static final class EntityParseException extends Exception {

        @Serial
        private static final long serialVersionUID = 1L;

        EntityParseException(String message) {
            super(message);
        }
    }

    private static final Set<String> HTML_TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del",
            "span", "tg-spoiler", "a", "tg-emoji", "code", "pre", "blockquote", "tg-time");
    private static final String MARKDOWN_V2_RESERVED = "_*[]()~`>#+-=|{}.!";

    private FormattedText() {
    }

    static boolean isSupportedParseMode(String parseMode) {
        return switch (parseMode.toLowerCase(Locale.ROOT)) {
            case "html", "markdownv2", "markdown" -> true;
            default -> false;
        };
    }

    /** @param parseMode null or blank for plain text, otherwise HTML, MarkdownV2 or Markdown (case-insensitive) */
    static String plainText(String text, String parseMode) throws EntityParseException {
        if (parseMode == null || parseMode.isBlank()) {
            return text;
        }
        return switch (parseMode.toLowerCase(Locale.ROOT)) {
            case "html" -> html(text);
            case "markdownv2" -> markdownV2(text);
            case "markdown" -> legacyMarkdown(text);
            default -> throw new IllegalArgumentException("unsupported parse_mode " + parseMode);
        };
    }

    private static int byteOffset(String text, int index) {
        return text.substring(0, index).getBytes(StandardCharsets.UTF_8).length;
    }

    // ---- HTML ------------------------------------------------------------------------------------------------

    private static String html(String text) throws EntityParseException {
        StringBuilder out = new StringBuilder(text.length());
        Deque<String> open = new ArrayDeque<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '<') {
                int end = text.indexOf('>', i);
                if (end < 0) {
                    throw new EntityParseException("Unclosed start tag at byte offset " + byteOffset(text, i));
                }
                String tag = text.substring(i + 1, end);
                if (tag.startsWith("/")) {
                    String name = tag.substring(1).trim().toLowerCase(Locale.ROOT);
                    if (open.isEmpty()) {
                        throw new EntityParseException("Unexpected end tag at byte offset " + byteOffset(text, i));
                    }
                    String expected = open.pop();
                    if (!name.isEmpty() && !name.equals(expected)) {
                        throw new EntityParseException("Unmatched end tag at byte offset " + byteOffset(text, i)
                                + ", expected \"</" + expected + ">\", found \"</" + name + ">\"");
                    }
                } else {
                    String name = tag.split("[\\s/]", 2)[0].toLowerCase(Locale.ROOT);
                    if (!HTML_TAGS.contains(name)) {
                        throw new EntityParseException("Unsupported start tag \"" + name + "\" at byte offset "
                                + byteOffset(text, i));
                    }
                    if (name.equals("span") && !tag.contains("tg-spoiler")) {
                        throw new EntityParseException("Tag \"span\" must have class \"tg-spoiler\" at byte offset "
                                + byteOffset(text, i));
                    }
                    open.push(name);
                }
                i = end + 1;
            } else if (c == '&') {
                int semicolon = text.indexOf(';', i);
                String decoded = semicolon > i && semicolon - i <= 10 ? htmlEntity(text.substring(i + 1, semicolon)) : null;
                if (decoded != null) {
                    out.append(decoded);
                    i = semicolon + 1;
                } else {
                    out.append(c); // Telegram keeps a lone '&' as is
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        if (!open.isEmpty()) {
            throw new EntityParseException("Can't find end tag corresponding to start tag \"" + open.peek() + "\"");
        }
        return out.toString();
    }

    private static String htmlEntity(String name) {
        switch (name) {
            case "lt":
                return "<";
            case "gt":
                return ">";
            case "amp":
                return "&";
            case "quot":
                return "\"";
            default:
                try {
                    if (name.startsWith("#x") || name.startsWith("#X")) {
                        return new String(Character.toChars(Integer.parseInt(name.substring(2), 16)));
                    }
                    if (name.startsWith("#")) {
                        return new String(Character.toChars(Integer.parseInt(name.substring(1))));
                    }
                } catch (IllegalArgumentException notANumber) {
                    return null;
                }
                return null;
        }
    }

    // ---- MarkdownV2 -------------------------------------------------------------------------------------------

    private record OpenEntity(String kind, int index) {
    }

    private static String markdownV2(String text) throws EntityParseException {
        StringBuilder out = new StringBuilder(text.length());
        Deque<OpenEntity> open = new ArrayDeque<>();
        boolean lineStart = true;
        boolean expandableQuote = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            boolean nextLineStart = false;
            if (c == '\\') {
                if (next == 0) {
                    throw new EntityParseException("Character '\\' is reserved and must be escaped with the preceding '\\'");
                }
                out.append(next);
                i += 2;
            } else if (c == '`') {
                boolean pre = text.startsWith("```", i);
                int contentStart = i + (pre ? 3 : 1);
                int end = findUnescaped(text, contentStart, pre ? "```" : "`");
                if (end < 0) {
                    throw new EntityParseException("Can't find end of " + (pre ? "Pre" : "Code")
                            + " entity at byte offset " + byteOffset(text, i));
                }
                String content = unescape(text.substring(contentStart, end));
                if (pre) {
                    int newline = content.indexOf('\n');
                    if (newline >= 0 && !content.substring(0, newline).contains(" ")) {
                        content = content.substring(newline + 1); // the first line names the language
                    }
                }
                out.append(content);
                i = end + (pre ? 3 : 1);
            } else if (c == '*' && lineStart && text.startsWith("**>", i)) {
                expandableQuote = true;
                i += 3;
            } else if (c == '>' && lineStart) {
                i++;
            } else if (c == '*') {
                toggle(text, open, "Bold", i);
                i++;
            } else if (c == '_') {
                boolean underline = next == '_';
                toggle(text, open, underline ? "Underline" : "Italic", i);
                i += underline ? 2 : 1;
            } else if (c == '~') {
                toggle(text, open, "Strikethrough", i);
                i++;
            } else if (c == '|' && next == '|') {
                boolean endsQuote = expandableQuote && open.stream().noneMatch(e -> e.kind().equals("Spoiler"))
                        && (i + 2 == text.length() || text.charAt(i + 2) == '\n');
                if (endsQuote) {
                    expandableQuote = false;
                } else {
                    toggle(text, open, "Spoiler", i);
                }
                i += 2;
            } else if (c == '[' || (c == '!' && next == '[')) {
                open.push(new OpenEntity("TextUrl", i));
                i += c == '!' ? 2 : 1;
            } else if (c == ']' && !open.isEmpty() && open.peek().kind().equals("TextUrl")) {
                OpenEntity link = open.pop();
                if (next != '(') {
                    throw new EntityParseException("Can't find end of TextUrl entity at byte offset "
                            + byteOffset(text, link.index()));
                }
                int end = findUnescaped(text, i + 2, ")");
                if (end < 0) {
                    throw new EntityParseException("Can't find end of a URL at byte offset " + byteOffset(text, i + 1));
                }
                i = end + 1;
            } else if (MARKDOWN_V2_RESERVED.indexOf(c) >= 0) {
                throw new EntityParseException("Character '" + c + "' is reserved and must be escaped with the preceding '\\'");
            } else {
                out.append(c);
                nextLineStart = c == '\n';
                i++;
            }
            lineStart = nextLineStart;
        }
        if (!open.isEmpty()) {
            OpenEntity unclosed = open.peek();
            throw new EntityParseException("Can't find end of " + unclosed.kind() + " entity at byte offset "
                    + byteOffset(text, unclosed.index()));
        }
        return out.toString();
    }

    private static void toggle(String text, Deque<OpenEntity> open, String kind, int index) throws EntityParseException {
        boolean isOpen = open.stream().anyMatch(entity -> entity.kind().equals(kind));
        if (!isOpen) {
            open.push(new OpenEntity(kind, index));
            return;
        }
        OpenEntity top = open.peek();
        if (!top.kind().equals(kind)) {
            throw new EntityParseException("Can't find end of " + top.kind() + " entity at byte offset "
                    + byteOffset(text, top.index()));
        }
        open.pop();
    }

    private static int findUnescaped(String text, int from, String terminator) {
        int i = from;
        while (i < text.length()) {
            if (text.charAt(i) == '\\') {
                i += 2;
            } else if (text.startsWith(terminator, i)) {
                return i;
            } else {
                i++;
            }
        }
        return -1;
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                out.append(text.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    // ---- legacy Markdown ----------------------------------------------------------------------------------------

    private static String legacyMarkdown(String text) throws EntityParseException {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && "_*`[".indexOf(text.charAt(i + 1)) >= 0) {
                out.append(text.charAt(i + 1));
                i += 2;
            } else if (c == '*' || c == '_' || c == '`') {
                String terminator = c == '`' && text.startsWith("```", i) ? "```" : String.valueOf(c);
                int end = text.indexOf(terminator, i + terminator.length());
                if (end < 0) {
                    throw new EntityParseException("Can't find end of the entity starting at byte offset "
                            + byteOffset(text, i));
                }
                out.append(text, i + terminator.length(), end);
                i = end + terminator.length();
            } else if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0 || close + 1 >= text.length() || text.charAt(close + 1) != '('
                        || text.indexOf(')', close) < 0) {
                    throw new EntityParseException("Can't find end of the entity starting at byte offset "
                            + byteOffset(text, i));
                }
                out.append(text, i + 1, close);
                i = text.indexOf(')', close) + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
