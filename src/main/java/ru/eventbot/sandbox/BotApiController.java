package ru.eventbot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The stand-in's HTTP face, where the bot's {@code TELEGRAM_API_URL} points in sandbox mode:
 * {@code /sandbox/api/bot<token>/<method>} and {@code /sandbox/api/file/bot<token>/<file_path>}, with parameters as
 * JSON, a form or multipart, and answers as Telegram gives them. Only the token generated at this start is accepted.
 * A getUpdates long poll is answered asynchronously: no request thread waits for updates.
 */
@RestController
@SandboxOnly
@RequestMapping(SandboxActivation.API_PATH)
class BotApiController {

    private static final Logger log = LoggerFactory.getLogger(BotApiController.class);
    static final int MAX_POLL_SECONDS = 50;

    private final StandIn standIn;
    private final byte[] token;

    BotApiController(StandIn standIn, SandboxProperties properties) {
        this.standIn = standIn;
        this.token = properties.token().getBytes(StandardCharsets.UTF_8);
    }

    @RequestMapping(path = "/bot{token}/{method}", method = {RequestMethod.GET, RequestMethod.POST})
    Object call(@PathVariable String token, @PathVariable String method, HttpServletRequest request) {
        try {
            checkToken(token);
            var params = parameters(request);
            if (method.equalsIgnoreCase("getUpdates")) {
                return poll(params);
            }
            return answer(standIn.api().invoke(method, params));
        } catch (BotApiFailure failure) {
            return refusal(failure);
        }
    }

    @GetMapping("/file/bot{token}/documents/{name}")
    ResponseEntity<?> file(@PathVariable String token, @PathVariable String name) {
        try {
            checkToken(token);
            return standIn.files().findByPath("documents/" + name).orElseThrow(BotApiFailure::notFound)
                    .asAttachment();
        } catch (BotApiFailure failure) {
            return refusal(failure);
        }
    }

    private DeferredResult<ResponseEntity<String>> poll(BotApiParameters params) {
        var offset = params.has("offset") ? params.requiredLong("offset") : null;
        var limit = params.optionalInt("limit");
        var timeout = params.optionalInt("timeout");
        var seconds = timeout == null ? 0 : Math.max(0, Math.min(timeout, MAX_POLL_SECONDS));
        var allowed = new ArrayList<String>();
        var allowedJson = params.json("allowed_updates");
        if (allowedJson != null) {
            allowedJson.forEach(type -> allowed.add(type.asText()));
        }
        var result = new DeferredResult<ResponseEntity<String>>((seconds + 5) * 1000L);
        var waiter = new UpdateFeed.Waiter(limit == null || limit < 1 || limit > 100 ? 100 : limit, allowed,
                updates -> result.setResult(answer(standIn.api().array(updates))),
                failure -> result.setResult(refusal(failure)));
        result.onTimeout(() -> standIn.feed().expire(waiter));
        result.onError(error -> standIn.feed().expire(waiter));
        standIn.feed().poll(offset, seconds, waiter);
        return result;
    }

    private void checkToken(String given) {
        if (!MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
            log.warn("The sandbox's stand-in for Telegram refused a call with a token it did not generate");
            throw BotApiFailure.unauthorized();
        }
    }

    private BotApiParameters parameters(HttpServletRequest request) {
        var mapper = standIn.mapper();
        ObjectNode values = mapper.createObjectNode();
        Map<String, BotApiParameters.Upload> files = new LinkedHashMap<>();
        var type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        try {
            if (type.startsWith("application/json")) {
                JsonNode body = mapper.readTree(request.getInputStream());
                if (body != null && body.isObject()) {
                    values.setAll((ObjectNode) body);
                } else if (body != null && !body.isMissingNode() && !body.isNull()) {
                    throw BotApiFailure.badRequest("the JSON body must be an object");
                }
            }
            request.getParameterMap().forEach((name, value) -> {
                if (value.length > 0) {
                    values.put(name, value[0]);
                }
            });
            if (request instanceof MultipartHttpServletRequest multipart) {
                for (var part : multipart.getFileMap().entrySet()) {
                    var file = part.getValue();
                    files.put(part.getKey(), new BotApiParameters.Upload(file.getOriginalFilename(),
                            file.getContentType(), file.getBytes()));
                }
            }
        } catch (IOException e) {
            throw BotApiFailure.badRequest("can't parse the request: " + e.getMessage());
        }
        return new BotApiParameters(values, files, mapper);
    }

    private ResponseEntity<String> answer(JsonNode result) {
        var body = standIn.mapper().createObjectNode();
        body.put("ok", true);
        body.set("result", result);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body.toString());
    }

    private ResponseEntity<String> refusal(BotApiFailure failure) {
        var body = standIn.mapper().createObjectNode();
        body.put("ok", false);
        body.put("error_code", failure.code());
        body.put("description", failure.getMessage());
        return ResponseEntity.status(failure.code()).contentType(MediaType.APPLICATION_JSON).body(body.toString());
    }
}
