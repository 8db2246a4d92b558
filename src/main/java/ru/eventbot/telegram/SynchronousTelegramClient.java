package ru.eventbot.telegram;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * TelegramBots' OkHttp client, with JSON methods executed on the calling thread. The library's {@code execute}
 * runs every call asynchronously and waits for the future, a hand-off to another thread and back per message;
 * doing the same request synchronously spares two context switches per call. The request and the parsing of the
 * answer are the library's own ({@link BotApiMethod#deserializeResponse}); uploads keep the library's path.
 */
class SynchronousTelegramClient extends OkHttpTelegramClient {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient http;
    private final ObjectMapper mapper;
    private final HttpUrl base;
    private final HttpUrl files;

    SynchronousTelegramClient(OkHttpClient http, String token, TelegramUrl url) {
        this(new ObjectMapper(), http, token, url);
    }

    private SynchronousTelegramClient(ObjectMapper mapper, OkHttpClient http, String token, TelegramUrl url) {
        super(mapper, http, token, url);
        this.http = http;
        this.mapper = mapper;
        this.base = new HttpUrl.Builder().scheme(url.getSchema()).host(url.getHost()).port(url.getPort())
                .addPathSegment("bot" + token).build();
        this.files = base.newBuilder().setPathSegment(0, "file").addPathSegment("bot" + token).build();
    }

    /**
     * Downloads from the configured Bot API ({@code <url>/file/bot<token>/<file_path>}): the library builds the
     * address with {@code File.getFileUrl}, which names api.telegram.org whatever the configured URL. The file goes
     * to a temporary file the caller deletes. Errors never carry the address, which holds the token.
     */
    @Override
    public java.io.File downloadFile(org.telegram.telegrambots.meta.api.objects.File file)
            throws TelegramApiException {
        if (file == null || file.getFilePath() == null || file.getFilePath().isBlank()) {
            throw new TelegramApiException("Telegram gave no file_path to download");
        }
        var url = files.newBuilder().addPathSegments(file.getFilePath()).build();
        java.nio.file.Path target = null;
        try (var response = http.newCall(new Request.Builder().url(url).get().build()).execute()) {
            if (!response.isSuccessful() || response.body() == null) {
                throw new TelegramApiException("Downloading " + file.getFilePath() + " failed: HTTP " + response.code());
            }
            target = java.nio.file.Files.createTempFile("telegram-", ".download");
            try (var in = response.body().byteStream()) {
                java.nio.file.Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return target.toFile();
        } catch (IOException e) {
            deleteQuietly(target);
            throw new TelegramApiException("Downloading " + file.getFilePath() + " failed: "
                    + e.getClass().getSimpleName());
        }
    }

    private static void deleteQuietly(java.nio.file.Path path) {
        if (path != null) {
            try {
                java.nio.file.Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // a temporary file; the system cleans its folder
            }
        }
    }

    @Override
    public <T extends Serializable, Method extends BotApiMethod<T>> T execute(Method method)
            throws TelegramApiException {
        return method.deserializeResponse(call(method));
    }

    /**
     * sendMessage where only the new message's id matters (replies): read from the answer without binding the whole
     * {@code Message}, which was a third of the sender threads' time. Any other answer goes to the library, which
     * throws as for {@link #execute}.
     */
    int sendForMessageId(SendMessage method) throws TelegramApiException {
        var body = call(method);
        var id = messageIdOf(mapper, body);
        return id != null ? id : method.deserializeResponse(body).getMessageId();
    }

    /** The {@code result.message_id} of a successful answer; null for anything else. */
    static Integer messageIdOf(ObjectMapper mapper, String body) {
        try (var parser = mapper.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            var ok = false;
            Integer id = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                var field = parser.currentName();
                var value = parser.nextToken();
                if (field.equals("ok")) {
                    ok = value == JsonToken.VALUE_TRUE;
                } else if (field.equals("result") && value == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        var name = parser.currentName();
                        if (parser.nextToken() == JsonToken.VALUE_NUMBER_INT && name.equals("message_id")) {
                            id = parser.getIntValue();
                        } else {
                            parser.skipChildren();
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
            return ok ? id : null;
        } catch (IOException | RuntimeException e) {
            return null; // the library's own parsing says what is wrong
        }
    }

    /**
     * getUpdates, keeping each update's JSON as Telegram sent it, so that storing an update does not write it
     * again from the objects. Any answer but a plain successful one is left to the library, which throws.
     */
    List<ReceivedUpdate> getUpdates(GetUpdates method) throws TelegramApiException {
        var body = call(method);
        var parsed = parseUpdates(mapper, body);
        if (parsed.isPresent()) {
            return parsed.get();
        }
        var lenient = parseUpdatesLeniently(mapper, body);
        if (lenient.isPresent()) {
            return lenient.get();
        }
        var updates = new ArrayList<ReceivedUpdate>();
        for (var update : method.deserializeResponse(body)) {
            updates.add(new ReceivedUpdate(update, write(update)));
        }
        return updates;
    }

    /** The updates of a successful getUpdates answer, each with its own slice of the body; empty otherwise. */
    static Optional<List<ReceivedUpdate>> parseUpdates(ObjectMapper mapper, String body) {
        try (var parser = mapper.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            var ok = false;
            List<ReceivedUpdate> updates = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                var field = parser.currentName();
                var value = parser.nextToken();
                if (field.equals("ok")) {
                    ok = value == JsonToken.VALUE_TRUE;
                } else if (field.equals("result") && value == JsonToken.START_ARRAY) {
                    updates = new ArrayList<>();
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        var start = (int) parser.currentTokenLocation().getCharOffset();
                        var update = mapper.readValue(parser, Update.class);
                        var end = (int) parser.currentLocation().getCharOffset();
                        updates.add(new ReceivedUpdate(update, body.substring(start, end)));
                    }
                    if (parser.currentToken() != JsonToken.END_ARRAY) {
                        return Optional.empty();
                    }
                } else {
                    parser.skipChildren();
                }
            }
            return ok && updates != null ? Optional.of(updates) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the library's own parsing says what is wrong
        }
    }

    /**
     * A successful getUpdates answer with an update that does not fit the library's types (a newer Bot API): each
     * update read on its own, and one that cannot be read kept with only its id (see
     * {@link UpdateJson#readLeniently(ObjectMapper, JsonNode)}), so that it is stored and skipped instead of
     * stopping intake at its offset for ever.
     */
    static Optional<List<ReceivedUpdate>> parseUpdatesLeniently(ObjectMapper mapper, String body) {
        try {
            var root = mapper.readTree(body);
            var result = root == null ? null : root.get("result");
            if (!root.path("ok").asBoolean(false) || result == null || !result.isArray()) {
                return Optional.empty();
            }
            var updates = new ArrayList<ReceivedUpdate>();
            for (var element : result) {
                updates.add(new ReceivedUpdate(UpdateJson.readLeniently(mapper, element),
                        mapper.writeValueAsString(element)));
            }
            return Optional.of(updates);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private String call(BotApiMethod<?> method) throws TelegramApiException {
        if (method == null) {
            throw new TelegramApiException("Parameter method can not be null");
        }
        method.validate();
        try {
            var request = new Request.Builder()
                    .url(base.newBuilder().addPathSegment(method.getMethod()).build())
                    .post(RequestBody.create(mapper.writeValueAsBytes(method), JSON))
                    .build();
            try (var response = http.newCall(request).execute()) {
                var body = response.body();
                return body == null ? "" : body.string();
            }
        } catch (IOException e) {
            throw new TelegramApiException("Unable to execute " + method.getMethod() + " method", e);
        }
    }

    private String write(Update update) throws TelegramApiException {
        try {
            return mapper.writeValueAsString(update);
        } catch (IOException e) {
            throw new TelegramApiException("Unable to write an update as JSON", e);
        }
    }
}
