package ru.eventbot.material;

import java.util.Arrays;
import java.util.List;

/**
 * What an organiser's caption says about the document: the first line is the title, the second the speaker (left
 * empty: none named), the rest a description. Without a title the file's name, less its extension, is the title.
 */
record DraftCaption(String title, String speaker, String description) {

    static final int MAX_LINE = 200;

    static DraftCaption parse(String caption, String fileName) {
        var lines = caption == null ? List.<String>of() : Arrays.stream(caption.strip().split("\\R", -1))
                .map(String::strip).toList();
        var title = lines.isEmpty() || lines.get(0).isEmpty() ? withoutExtension(fileName) : lines.get(0);
        var speaker = lines.size() > 1 && !lines.get(1).isEmpty() ? shorten(lines.get(1)) : null;
        var description = lines.size() > 2 ? String.join("\n", lines.subList(2, lines.size())).strip() : "";
        return new DraftCaption(shorten(title), speaker, description.isEmpty() ? null : description);
    }

    private static String withoutExtension(String fileName) {
        var name = fileName == null || fileName.isBlank() ? "document" : fileName.strip();
        var dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String shorten(String line) {
        return line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE - 1) + "…";
    }
}
