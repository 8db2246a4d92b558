package ru.eventbot.material;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a participant's free text says about materials: whether it asks for one at all ("пришлите презентацию
 * Таисии", "Taisia's slides"), whether it wants all of an event's materials, and the words to search for (the
 * text without the asking: «таисии»). Everything else in the text is plain words; nothing is query syntax.
 *
 * @param request whether the text asks for a material
 * @param all     whether it says "all" ("все слайды форума", "all the slides")
 * @param general whether it asks for "materials" or "files" rather than a kind of file ("материалы конференции")
 * @param asking  whether it names a kind of file (presentation, slides, recording) or asks outright ("пришлите",
 *                "send"): only then is a request nothing answers kept waiting; "вопрос о материалах" is not
 * @param subject the words to search for, lower case, separated by spaces; empty when only the asking is there
 */
record RequestWords(boolean request, boolean all, boolean general, boolean asking, String subject) {

    static final int MAX_TEXT = 1000;
    private static final int MAX_WORDS = 24;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");

    /** Word beginnings that make a text a request for a material. */
    private static final List<String> MATERIAL_STEMS = List.of("презентац", "слайд", "материал", "запись", "записи",
            "записью", "видео", "файл", "pdf", "пдф", "конспект", "раздатк",
            "slide", "presentation", "deck", "material", "recording", "video", "handout", "file");
    /** Words around the asking that say nothing about which material: dropped from the search. */
    private static final List<String> FILLER_STEMS = List.of("доклад", "выступлен", "лекци", "мастер", "talk",
            "lecture", "speech");
    /** Of those, the ones that name a particular kind of file rather than "the materials" in general. */
    private static final List<String> GENERAL_STEMS = List.of("материал", "material", "файл", "file");
    private static final Set<String> ALL = Set.of("все", "всё", "всех", "весь", "вся", "all", "every", "everything");
    private static final List<String> POLITE_STEMS = List.of("пришл", "присл", "отправ", "скин", "скинь", "пожалуйст",
            "интерес", "нужн", "можн", "хочу", "хотел", "дайт", "дай", "подел", "посмотр", "получ", "найд", "найт",
            "please", "send", "share", "need", "want", "interest", "could", "would", "get");
    private static final Set<String> STOP = Set.of("и", "в", "во", "на", "с", "со", "по", "от", "из", "у", "к", "о",
            "об", "за", "для", "мне", "меня", "нам", "нас", "я", "мы", "вы", "вас", "ли", "бы", "же", "а", "но", "это",
            "этот", "эту", "эти", "тот", "ту", "те", "который", "которую", "была", "был", "было", "были", "её", "ее",
            "его", "их", "особенно", "очень", "ещё", "еще", "уже", "тоже", "также", "пожалуй", "здравствуйте",
            "привет", "добрый", "день", "спасибо", "таки", "когда", "будут", "будет", "ну", "вот", "ваш", "вашу", "ваши", "какой", "какую", "где", "как", "там", "тут", "вчера", "сегодня",
            "the", "a", "an", "of", "from", "by", "for", "to", "me", "my", "i", "you", "your", "is", "are", "was",
            "were", "be", "and", "or", "in", "on", "at", "with", "about", "can", "hi", "hello", "thanks", "yesterday",
            "today", "when", "will", "where", "what", "that", "this", "those", "these", "s", "am", "some", "any", "it", "please");

    static RequestWords of(String text) {
        if (text == null || text.isBlank()) {
            return new RequestWords(false, false, false, false, "");
        }
        var clipped = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        var matcher = WORD.matcher(clipped.toLowerCase(Locale.ROOT));
        var request = false;
        var general = false;
        var all = false;
        var asking = false;
        var subject = new ArrayList<String>();
        while (matcher.find()) {
            var word = stripPossessive(matcher.group());
            if (startsWithAny(word, MATERIAL_STEMS)) {
                request = true;
                var isGeneral = startsWithAny(word, GENERAL_STEMS);
                general |= isGeneral;
                asking |= !isGeneral;
                continue;
            }
            if (ALL.contains(word)) {
                all = true;
                continue;
            }
            if (startsWithAny(word, POLITE_STEMS)) {
                asking = true;
                continue;
            }
            if (STOP.contains(word) || startsWithAny(word, FILLER_STEMS)
                    || word.length() < 2) {
                continue;
            }
            if (subject.size() < MAX_WORDS) {
                subject.add(word);
            }
        }
        return new RequestWords(request, request && all, request && general, request && asking,
                String.join(" ", subject));
    }

    boolean hasSubject() {
        return !subject.isEmpty();
    }

    private static String stripPossessive(String word) {
        var apostrophe = Math.max(word.indexOf('\''), word.indexOf('’'));
        return apostrophe > 0 ? word.substring(0, apostrophe) : word;
    }

    private static boolean startsWithAny(String word, List<String> stems) {
        for (var stem : stems) {
            if (word.startsWith(stem)) {
                return true;
            }
        }
        return false;
    }
}
