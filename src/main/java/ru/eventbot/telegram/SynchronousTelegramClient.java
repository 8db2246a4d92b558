package ru.eventbot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
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

    SynchronousTelegramClient(OkHttpClient http, String token, TelegramUrl url) {
        this(new ObjectMapper(), http, token, url);
    }

    private SynchronousTelegramClient(ObjectMapper mapper, OkHttpClient http, String token, TelegramUrl url) {
        super(mapper, http, token, url);
        this.http = http;
        this.mapper = mapper;
        this.base = new HttpUrl.Builder().scheme(url.getSchema()).host(url.getHost()).port(url.getPort())
                .addPathSegment("bot" + token).build();
    }

    @Override
    public <T extends Serializable, Method extends BotApiMethod<T>> T execute(Method method)
            throws TelegramApiException {
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
                return method.deserializeResponse(body == null ? "" : body.string());
            }
        } catch (IOException e) {
            throw new TelegramApiException("Unable to execute " + method.getMethod() + " method", e);
        }
    }
}
