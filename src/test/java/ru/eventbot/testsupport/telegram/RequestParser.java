package ru.eventbot.testsupport.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads Bot API parameters the ways Telegram accepts them: a JSON body, {@code application/x-www-form-urlencoded},
 * {@code multipart/form-data} (file parts become {@link UploadedFile}s) and the query string.
 */
final class RequestParser {

    /**
     * @param formFields names of parameters whose value came as a form string, so "42" may stand for an Integer
     *                   and a JSON-serialized object/array is expected
     */
    record Parameters(ObjectNode params, Map<String, UploadedFile> files, Set<String> formFields) {
    }

    private final ObjectMapper mapper;

    RequestParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    Parameters parse(String contentType, String rawQuery, byte[] body) {
        ObjectNode params = mapper.createObjectNode();
        Map<String, UploadedFile> files = new LinkedHashMap<>();
        Set<String> formFields = new HashSet<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            parseUrlEncoded(rawQuery, params, formFields);
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (body.length == 0) {
            return new Parameters(params, files, formFields);
        }
        if (type.startsWith("multipart/form-data")) {
            parseMultipart(boundary(contentType), body, params, files, formFields);
        } else if (type.startsWith("application/x-www-form-urlencoded")) {
            parseUrlEncoded(new String(body, StandardCharsets.UTF_8), params, formFields);
        } else {
            params = parseJson(body, params);
        }
        return new Parameters(params, files, formFields);
    }

    /** @return the parameters with those of the body added: the body's own object if there were none before */
    private ObjectNode parseJson(byte[] body, ObjectNode params) {
        JsonNode json;
        try {
            json = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw BotApiError.invalidCall("can't parse JSON body: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw BotApiError.invalidCall("can't read the request body: " + e.getMessage());
        }
        if (json == null || json.isMissingNode()) {
            return params;
        }
        if (!json.isObject()) {
            throw BotApiError.invalidCall("the JSON body must be an object, got " + json.getNodeType());
        }
        if (params.isEmpty()) {
            return (ObjectNode) json;
        }
        params.setAll((ObjectNode) json);
        return params;
    }

    private static void parseUrlEncoded(String encoded, ObjectNode params, Set<String> formFields) {
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name, value);
            formFields.add(name);
        }
    }

    private static String boundary(String contentType) {
        for (String parameter : contentType.split(";")) {
            String trimmed = parameter.trim();
            if (trimmed.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String boundary = trimmed.substring("boundary=".length());
                return boundary.startsWith("\"") && boundary.endsWith("\"") && boundary.length() > 1
                        ? boundary.substring(1, boundary.length() - 1) : boundary;
            }
        }
        throw BotApiError.invalidCall("multipart/form-data without a boundary");
    }

    private static void parseMultipart(String boundary, byte[] body, ObjectNode params, Map<String, UploadedFile> files,
                                       Set<String> formFields) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int position = indexOf(body, delimiter, 0);
        if (position < 0) {
            throw BotApiError.invalidCall("multipart body without its boundary");
        }
        while (true) {
            int partStart = position + delimiter.length;
            if (partStart + 1 < body.length && body[partStart] == '-' && body[partStart + 1] == '-') {
                return; // closing delimiter
            }
            partStart = skipLineBreak(body, partStart);
            int next = indexOf(body, delimiter, partStart);
            if (next < 0) {
                throw BotApiError.invalidCall("multipart body is truncated");
            }
            int partEnd = next;
            if (partEnd >= 2 && body[partEnd - 2] == '\r' && body[partEnd - 1] == '\n') {
                partEnd -= 2;
            } else if (partEnd >= 1 && body[partEnd - 1] == '\n') {
                partEnd -= 1;
            }
            readPart(body, partStart, partEnd, params, files, formFields);
            position = next;
        }
    }

    private static void readPart(byte[] body, int start, int end, ObjectNode params, Map<String, UploadedFile> files,
                                 Set<String> formFields) {
        int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
        int contentStart = headersEnd + 4;
        if (headersEnd < 0 || headersEnd > end) {
            headersEnd = indexOf(body, "\n\n".getBytes(StandardCharsets.ISO_8859_1), start);
            contentStart = headersEnd + 2;
            if (headersEnd < 0 || headersEnd > end) {
                throw BotApiError.invalidCall("multipart part without headers");
            }
        }
        // OkHttp writes non-ASCII file names as raw UTF-8 in Content-Disposition
        String headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
        String name = null;
        String fileName = null;
        String contentType = "application/octet-stream";
        for (String header : headers.split("\r?\n")) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String headerName = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            if (headerName.equals("content-disposition")) {
                name = dispositionParameter(value, "name");
                fileName = dispositionParameter(value, "filename");
            } else if (headerName.equals("content-type")) {
                contentType = value;
            }
        }
        if (name == null) {
            throw BotApiError.invalidCall("multipart part without a name");
        }
        byte[] content = java.util.Arrays.copyOfRange(body, contentStart, Math.max(contentStart, end));
        if (fileName != null) {
            files.put(name, new UploadedFile(name, fileName, contentType, content));
        } else {
            params.put(name, new String(content, StandardCharsets.UTF_8));
            formFields.add(name);
        }
    }

    private static String dispositionParameter(String disposition, String parameter) {
        int i = 0;
        while (i < disposition.length()) {
            int semicolon = disposition.indexOf(';', i);
            if (semicolon < 0) {
                return null;
            }
            int nameStart = semicolon + 1;
            while (nameStart < disposition.length() && disposition.charAt(nameStart) == ' ') {
                nameStart++;
            }
            int eq = disposition.indexOf('=', nameStart);
            if (eq < 0) {
                return null;
            }
            String name = disposition.substring(nameStart, eq).trim();
            int valueStart = eq + 1;
            String value;
            int valueEnd;
            if (valueStart < disposition.length() && disposition.charAt(valueStart) == '"') {
                StringBuilder quoted = new StringBuilder();
                int j = valueStart + 1;
                while (j < disposition.length() && disposition.charAt(j) != '"') {
                    char c = disposition.charAt(j);
                    if (c == '\\' && j + 1 < disposition.length()) {
                        c = disposition.charAt(++j);
                    }
                    quoted.append(c);
                    j++;
                }
                value = quoted.toString();
                valueEnd = j + 1;
            } else {
                int end = disposition.indexOf(';', valueStart);
                valueEnd = end < 0 ? disposition.length() : end;
                value = disposition.substring(valueStart, valueEnd).trim();
            }
            if (name.equalsIgnoreCase(parameter)) {
                return value;
            }
            i = valueEnd;
        }
        return null;
    }

    private static int skipLineBreak(byte[] body, int position) {
        if (position + 1 < body.length && body[position] == '\r' && body[position + 1] == '\n') {
            return position + 2;
        }
        return position < body.length && body[position] == '\n' ? position + 1 : position;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(from, 0); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
