package ru.eventbot.testsupport.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import ru.eventbot.testsupport.telegram.TelegramApiSpec.FieldSpec;
import ru.eventbot.testsupport.telegram.TelegramApiSpec.MethodSpec;
import ru.eventbot.testsupport.telegram.TelegramApiSpec.TypeSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks Bot API calls and objects against {@link TelegramApiSpec}: unknown parameters/fields, missing required
 * ones, JSON types (recursively, choosing the subtype of abstract types by their discriminator) and, through
 * {@link TelegramValueRules}, the value limits Telegram enforces. JSON nulls count as absent.
 * <p>
 * Values that came as form strings (multipart, urlencoded, query) are coerced the way Telegram does: "42" is an
 * Integer, "true" a Boolean and objects/arrays are JSON-serialized strings. The result carries the parameters
 * normalized to proper JSON so the fake's handlers need not care how they arrived.
 */
public final class SpecValidator {

    public record Result(ObjectNode normalized, List<String> problems) {

        public boolean isValid() {
            return problems.isEmpty();
        }
    }

    private static final Pattern FORM_INTEGER = Pattern.compile("-?\\d{1,19}");
    private static final String ARRAY_OF = "Array of ";
    private static final Set<String> SCALARS = Set.of("Integer", "Float", "String", "Boolean", "InputFile");

    private final TelegramApiSpec spec;
    private final ObjectMapper mapper;
    private final TelegramValueRules valueRules;

    public SpecValidator(TelegramApiSpec spec, ObjectMapper mapper) {
        this.spec = spec;
        this.mapper = mapper;
        this.valueRules = new TelegramValueRules(spec);
    }

    public Result validateCall(MethodSpec method, ObjectNode params, Map<String, UploadedFile> files,
                               Set<String> formFields) {
        List<String> problems = new ArrayList<>();
        ObjectNode normalized = mapper.createObjectNode();
        for (Map.Entry<String, JsonNode> parameter : params.properties()) {
            String name = parameter.getKey();
            JsonNode value = parameter.getValue();
            if (value == null || value.isNull()) {
                continue;
            }
            FieldSpec field = method.fields().get(name);
            if (field == null) {
                if (name.equals("method") && !value.asText().equalsIgnoreCase(method.name())) {
                    problems.add("parameter 'method' is '" + value.asText() + "' but the URL calls " + method.name());
                } else if (!SpecAllowlist.isAllowedParameter(name)) {
                    problems.add("unknown parameter '" + name + "' for method " + method.name());
                }
                continue;
            }
            JsonNode checked = checkValue(field.types(), value, formFields.contains(name), name, files, problems);
            if (checked != null) {
                normalized.set(name, checked);
            }
        }
        for (FieldSpec field : method.fields().values()) {
            boolean uploadedUnderItsName = field.types().contains("InputFile") && files.containsKey(field.name());
            if (uploadedUnderItsName && !normalized.has(field.name())) {
                normalized.put(field.name(), "attach://" + field.name());
            } else if (field.required() && !normalized.has(field.name()) && !params.hasNonNull(field.name())) {
                problems.add("parameter '" + field.name() + "' is required for method " + method.name());
            }
        }
        if (problems.isEmpty()) {
            valueRules.checkCall(method.name(), normalized, problems);
        }
        return new Result(normalized, List.copyOf(problems));
    }

    /** Validates a JSON value against a type expression such as {@code Update} or {@code Array of BotCommand}. */
    public List<String> validateValue(String typeExpression, JsonNode value) {
        List<String> problems = new ArrayList<>();
        checkValue(List.of(typeExpression), value, false, typeExpression, Map.of(), problems);
        return problems;
    }

    private JsonNode checkValue(List<String> types, JsonNode value, boolean formString, String path,
                                Map<String, UploadedFile> files, List<String> problems) {
        if (formString && value.isTextual() && types.stream().noneMatch(SCALARS::contains)) {
            try {
                value = mapper.readTree(value.asText());
                formString = false;
            } catch (JsonProcessingException e) {
                problems.add("'" + path + "' must be a JSON-serialized " + String.join(" or ", types)
                        + ", got unparsable text '" + abbreviate(value.asText()) + "'");
                return null;
            }
        }
        if (types.size() == 1) {
            return check(types.get(0), value, formString, path, files, problems);
        }
        JsonNode input = value;
        boolean form = formString;
        List<String> candidates = types.stream().filter(type -> kindMatches(type, input, form)).toList();
        if (candidates.isEmpty()) {
            problems.add("'" + path + "' must be " + String.join(" or ", types) + ", got " + describe(value));
            return null;
        }
        List<String> bestProblems = null;
        int bestScore = Integer.MIN_VALUE;
        for (String candidate : candidates) {
            List<String> candidateProblems = new ArrayList<>();
            JsonNode result = check(candidate, value, formString, path, files, candidateProblems);
            if (candidateProblems.isEmpty()) {
                return result;
            }
            int score = knownFieldCount(candidate, value) * 1000 - candidateProblems.size();
            if (score > bestScore) {
                bestScore = score;
                bestProblems = candidateProblems;
            }
        }
        problems.addAll(bestProblems);
        return null;
    }

    private boolean kindMatches(String type, JsonNode value, boolean formString) {
        if (formString && value.isTextual()) {
            return true;
        }
        return switch (type) {
            case "Integer" -> value.isIntegralNumber();
            case "Float" -> value.isNumber();
            case "String", "InputFile" -> value.isTextual();
            case "Boolean" -> value.isBoolean();
            default -> type.startsWith(ARRAY_OF) ? value.isArray() : value.isObject();
        };
    }

    private int knownFieldCount(String type, JsonNode value) {
        if (!value.isObject()) {
            return 0;
        }
        Map<String, FieldSpec> fields = spec.type(type).map(TypeSpec::fields).orElse(Map.of());
        int count = 0;
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            if (fields.containsKey(entry.getKey())) {
                count++;
            }
        }
        return count;
    }

    private JsonNode check(String type, JsonNode value, boolean formString, String path,
                           Map<String, UploadedFile> files, List<String> problems) {
        switch (type) {
            case "Integer":
                if (value.isIntegralNumber()) {
                    return value;
                }
                if (formString && value.isTextual() && FORM_INTEGER.matcher(value.asText()).matches()) {
                    return LongNode.valueOf(Long.parseLong(value.asText()));
                }
                return mismatch(type, value, path, problems);
            case "Float":
                if (value.isNumber()) {
                    return value;
                }
                if (formString && value.isTextual()) {
                    try {
                        return DoubleNode.valueOf(Double.parseDouble(value.asText()));
                    } catch (NumberFormatException notAFloat) {
                        return mismatch(type, value, path, problems);
                    }
                }
                return mismatch(type, value, path, problems);
            case "String":
                return value.isTextual() ? value : mismatch(type, value, path, problems);
            case "Boolean":
                if (value.isBoolean()) {
                    return value;
                }
                if (formString && value.isTextual() && (value.asText().equals("true") || value.asText().equals("false"))) {
                    return BooleanNode.valueOf(Boolean.parseBoolean(value.asText()));
                }
                return mismatch(type, value, path, problems);
            case "InputFile":
                return checkInputFile(value, path, files, problems);
            default:
                break;
        }
        JsonNode json = value;
        if (formString && value.isTextual()) {
            try {
                json = mapper.readTree(value.asText());
            } catch (JsonProcessingException e) {
                problems.add("'" + path + "' must be a JSON-serialized " + type + ", got unparsable text '"
                        + abbreviate(value.asText()) + "'");
                return null;
            }
        }
        if (type.startsWith(ARRAY_OF)) {
            if (!json.isArray()) {
                return mismatch(type, json, path, problems);
            }
            String elementType = type.substring(ARRAY_OF.length());
            ArrayNode result = mapper.createArrayNode();
            for (int i = 0; i < json.size(); i++) {
                JsonNode element = json.get(i);
                if (element.isNull()) {
                    problems.add("'" + path + "[" + i + "]' must be " + elementType + ", got null");
                    continue;
                }
                JsonNode checked = check(elementType, element, false, path + "[" + i + "]", files, problems);
                result.add(checked == null ? element : checked);
            }
            return result;
        }
        if (!json.isObject()) {
            return mismatch(type, json, path, problems);
        }
        return checkObject(type, (ObjectNode) json, path, files, problems);
    }

    private JsonNode checkInputFile(JsonNode value, String path, Map<String, UploadedFile> files, List<String> problems) {
        if (value.isTextual() && value.asText().startsWith("attach://")) {
            String part = value.asText().substring("attach://".length());
            if (files.containsKey(part)) {
                return value;
            }
            problems.add("'" + path + "' refers to " + value.asText() + " but the request has no such file part");
            return null;
        }
        problems.add("'" + path + "' must be an uploaded file (multipart part or attach://<part>)");
        return null;
    }

    private JsonNode checkObject(String typeName, ObjectNode object, String path, Map<String, UploadedFile> files,
                                 List<String> problems) {
        TypeSpec type = spec.type(typeName).orElse(null);
        if (type == null) {
            problems.add("'" + path + "' has type " + typeName + " that the spec does not define");
            return object;
        }
        if (type.isAbstract()) {
            return checkAbstract(type, object, path, files, problems);
        }
        if (type.fields().isEmpty()) {
            return object; // opaque types such as CallbackGame
        }
        ObjectNode result = mapper.createObjectNode();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            if (value == null || value.isNull()) {
                continue;
            }
            FieldSpec field = type.fields().get(name);
            if (field == null) {
                if (SpecAllowlist.isAllowedField(typeName, name)) {
                    result.set(name, value);
                } else {
                    problems.add("unknown field '" + path + "." + name + "' in " + typeName);
                }
                continue;
            }
            JsonNode checked = checkValue(field.types(), value, false, path + "." + name, files, problems);
            result.set(name, checked == null ? value : checked);
        }
        for (FieldSpec field : type.fields().values()) {
            if (field.required() && !result.has(field.name())) {
                problems.add("'" + path + "." + field.name() + "' is required in " + typeName);
            }
        }
        if (type.constantField() != null && result.has(type.constantField())
                && !type.constantValue().equals(result.get(type.constantField()).asText())) {
            problems.add("'" + path + "." + type.constantField() + "' must be \"" + type.constantValue() + "\" in "
                    + typeName + ", got \"" + result.get(type.constantField()).asText() + "\"");
        }
        valueRules.checkObject(typeName, result, path, problems);
        return result;
    }

    private JsonNode checkAbstract(TypeSpec type, ObjectNode object, String path, Map<String, UploadedFile> files,
                                   List<String> problems) {
        if (type.discriminatorField() == null) {
            return checkValue(type.subtypes(), object, false, path, files, problems);
        }
        String field = type.discriminatorField();
        JsonNode discriminator = object.get(field);
        if (discriminator == null || !discriminator.isTextual()) {
            problems.add("'" + path + "." + field + "' is required to tell which " + type.name() + " it is (one of "
                    + type.subtypesByDiscriminator().keySet() + ")");
            return object;
        }
        List<String> subtypes = type.subtypesByDiscriminator().get(discriminator.asText());
        if (subtypes == null) {
            problems.add("'" + path + "." + field + "' is \"" + discriminator.asText() + "\", not a valid "
                    + type.name() + " (one of " + type.subtypesByDiscriminator().keySet() + ")");
            return object;
        }
        return checkValue(subtypes, object, false, path, files, problems);
    }

    private static JsonNode mismatch(String type, JsonNode value, String path, List<String> problems) {
        problems.add("'" + path + "' must be " + type + ", got " + describe(value));
        return null;
    }

    private static String describe(JsonNode value) {
        String kind = switch (value.getNodeType()) {
            case STRING -> "string";
            case NUMBER -> value.isIntegralNumber() ? "integer" : "float";
            case BOOLEAN -> "boolean";
            case ARRAY -> "array";
            case OBJECT -> "object";
            default -> value.getNodeType().name().toLowerCase();
        };
        return kind + " " + abbreviate(value instanceof TextNode ? "\"" + value.asText() + "\"" : value.toString());
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
