package ru.eventbot.testsupport.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Telegram Bot API description ({@code api.json}, loaded from the test classpath), indexed for validation.
 * <p>
 * Method lookup is case-insensitive because Telegram's method names are (and TelegramBots sends most of them in
 * lower case, e.g. {@code /sendmessage}).
 */
public final class TelegramApiSpec {

    static final String RESOURCE = "/telegram-bot-api-spec/api.json";

    /** How subtypes of an abstract type name their discriminator value in the field description. */
    private static final Pattern DISCRIMINATOR_VALUE = Pattern.compile("always \"([a-z_]+)\"|must be ([a-z_]+)");

    private static volatile TelegramApiSpec shared;

    public record FieldSpec(String name, List<String> types, boolean required, String description) {
    }

    public record MethodSpec(String name, Map<String, FieldSpec> fields) {
    }

    /**
     * A type either has fields, or is abstract and lists {@code subtypes} (type expressions, usually object types).
     * For abstract types whose object subtypes all carry a constant field such as {@code type} or {@code status},
     * {@code discriminatorField} names it and {@code subtypesByDiscriminator} maps its values to subtypes.
     * A subtype itself knows its constant ({@code constantField} = {@code constantValue}, e.g. {@code type = "emoji"}).
     */
    public record TypeSpec(String name, Map<String, FieldSpec> fields, List<String> subtypes,
                           String discriminatorField, Map<String, List<String>> subtypesByDiscriminator,
                           String constantField, String constantValue) {

        public boolean isAbstract() {
            return !subtypes.isEmpty();
        }
    }

    private final String version;
    private final Map<String, MethodSpec> methodsByLowerCaseName;
    private final Map<String, TypeSpec> types;

    private TelegramApiSpec(String version, Map<String, MethodSpec> methodsByLowerCaseName, Map<String, TypeSpec> types) {
        this.version = version;
        this.methodsByLowerCaseName = methodsByLowerCaseName;
        this.types = types;
    }

    /** The spec from the classpath, parsed once per JVM (it is ~1 MB of JSON). */
    public static TelegramApiSpec shared() {
        TelegramApiSpec spec = shared;
        if (spec == null) {
            synchronized (TelegramApiSpec.class) {
                spec = shared;
                if (spec == null) {
                    spec = loadFromClasspath();
                    shared = spec;
                }
            }
        }
        return spec;
    }

    static TelegramApiSpec loadFromClasspath() {
        try (InputStream in = TelegramApiSpec.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Telegram Bot API spec not found on the classpath at " + RESOURCE);
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    static TelegramApiSpec parse(JsonNode root) {
        Map<String, MethodSpec> methods = new HashMap<>();
        root.path("methods").properties().forEach(entry ->
                methods.put(entry.getKey().toLowerCase(Locale.ROOT),
                        new MethodSpec(entry.getKey(), fields(entry.getValue()))));

        Map<String, JsonNode> rawTypes = new LinkedHashMap<>();
        root.path("types").properties().forEach(entry -> rawTypes.put(entry.getKey(), entry.getValue()));
        Map<String, TypeSpec> types = new HashMap<>();
        rawTypes.forEach((name, node) -> {
            List<String> subtypes = new ArrayList<>();
            node.path("subtypes").forEach(subtype -> subtypes.add(subtype.asText()));
            Map<String, FieldSpec> fields = fields(node);
            String[] constant = node.has("subtype_of") ? constantField(fields) : null;
            types.put(name, discriminated(name, fields, List.copyOf(subtypes), rawTypes,
                    constant == null ? null : constant[0], constant == null ? null : constant[1]));
        });
        return new TelegramApiSpec(root.path("version").asText(), Map.copyOf(methods), Map.copyOf(types));
    }

    private static Map<String, FieldSpec> fields(JsonNode owner) {
        Map<String, FieldSpec> fields = new LinkedHashMap<>();
        owner.path("fields").forEach(field -> {
            List<String> types = new ArrayList<>();
            field.path("types").forEach(type -> types.add(type.asText()));
            fields.put(field.path("name").asText(), new FieldSpec(field.path("name").asText(), List.copyOf(types),
                    field.path("required").asBoolean(false), field.path("description").asText("")));
        });
        return Collections.unmodifiableMap(fields);
    }

    private static TypeSpec discriminated(String name, Map<String, FieldSpec> fields, List<String> subtypes,
                                          Map<String, JsonNode> rawTypes, String constantField, String constantValue) {
        String discriminatorField = null;
        Map<String, List<String>> byValue = new LinkedHashMap<>();
        for (String subtype : subtypes) {
            JsonNode subtypeNode = rawTypes.get(subtype);
            if (subtypeNode == null) {
                continue; // a non-object alternative such as "String" (RichText)
            }
            String[] constant = constantField(fields(subtypeNode));
            if (constant == null || (discriminatorField != null && !discriminatorField.equals(constant[0]))) {
                return new TypeSpec(name, fields, subtypes, null, Map.of(), constantField, constantValue);
            }
            discriminatorField = constant[0];
            byValue.computeIfAbsent(constant[1], value -> new ArrayList<>()).add(subtype);
        }
        return new TypeSpec(name, fields, subtypes, discriminatorField, Collections.unmodifiableMap(byValue),
                constantField, constantValue);
    }

    private static String[] constantField(Map<String, FieldSpec> fields) {
        for (FieldSpec field : fields.values()) {
            if (field.required() && field.types().equals(List.of("String"))) {
                Matcher matcher = DISCRIMINATOR_VALUE.matcher(field.description());
                if (matcher.find()) {
                    return new String[] {field.name(), matcher.group(1) != null ? matcher.group(1) : matcher.group(2)};
                }
            }
        }
        return null;
    }

    public String version() {
        return version;
    }

    public Optional<MethodSpec> method(String name) {
        return Optional.ofNullable(methodsByLowerCaseName.get(name.toLowerCase(Locale.ROOT)));
    }

    public Optional<TypeSpec> type(String name) {
        return Optional.ofNullable(types.get(name));
    }

    /** The emoji Telegram accepts in {@code ReactionTypeEmoji}, as listed in the spec. */
    public List<String> reactionEmoji() {
        FieldSpec emoji = type("ReactionTypeEmoji").map(type -> type.fields().get("emoji")).orElseThrow();
        List<String> result = new ArrayList<>();
        Matcher quoted = Pattern.compile("\"([^\"]+)\"").matcher(emoji.description());
        while (quoted.find()) {
            result.add(quoted.group(1));
        }
        return List.copyOf(result);
    }
}
