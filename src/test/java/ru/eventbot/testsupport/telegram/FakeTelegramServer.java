package ru.eventbot.testsupport.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The HTTP side of the fake: {@code POST /bot<token>/<method>} and {@code GET /file/bot<token>/<path>} on
 * 127.0.0.1. Each call is parsed, checked against the spec, possibly faulted, executed by {@link BotApiMethods},
 * answered in Telegram's envelope (HTTP status = error_code) and recorded.
 */
final class FakeTelegramServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FakeTelegramServer.class);

    static {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK
        // (~40 ms per call on Linux). Read once, when the JDK creates its first HttpServer in this JVM.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }
    private static final byte[] MALFORMED_BODY =
            "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>".getBytes(StandardCharsets.UTF_8);

    private final String token;
    private final ObjectMapper mapper;
    private final TelegramApiSpec spec;
    private final SpecValidator validator;
    private final RequestParser parser;
    private final BotApiMethods methods;
    private final FileStore files;
    private final FaultInjector faults;
    private final CallLog calls;
    private final Consumer<ValidationError> validationErrors;
    private final List<FakeTelegramListener> listeners;
    private final ReentrantLock stateLock;
    private final ExecutorService executor;
    private final HttpServer server;
    private final AtomicInteger inFlight = new AtomicInteger();

    FakeTelegramServer(String token, ObjectMapper mapper, TelegramApiSpec spec, BotApiMethods methods, FileStore files,
                       FaultInjector faults, CallLog calls, Consumer<ValidationError> validationErrors,
                       List<FakeTelegramListener> listeners, ReentrantLock stateLock, int threads) {
        this.token = token;
        this.mapper = mapper;
        this.spec = spec;
        this.validator = new SpecValidator(spec, mapper);
        this.parser = new RequestParser(mapper);
        this.methods = methods;
        this.files = files;
        this.faults = faults;
        this.calls = calls;
        this.validationErrors = validationErrors;
        this.listeners = listeners;
        this.stateLock = stateLock;
        this.executor = Executors.newFixedThreadPool(threads, DaemonThreads.factory("fake-telegram-http-"));
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 512);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("Cannot start the fake Telegram server", e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) {
        inFlight.incrementAndGet();
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/file/bot")) {
                download(exchange, path.substring("/file/bot".length()));
            } else if (path.startsWith("/bot")) {
                String rest = path.substring("/bot".length());
                int slash = rest.indexOf('/');
                api(exchange, slash < 0 ? rest : rest.substring(0, slash), slash < 0 ? "" : rest.substring(slash + 1));
            } else {
                exchange.getRequestBody().readAllBytes();
                respondError(exchange, BotApiError.notFound(false));
            }
        } catch (IOException e) {
            log.debug("Client went away", e);
        } catch (RuntimeException | Error e) {
            log.error("Fake Telegram failed to handle {}", exchange.getRequestURI(), e);
            validationErrors.accept(new ValidationError(Instant.now(), exchange.getRequestURI().getPath(),
                    "internal error in the fake Telegram server: " + e, ""));
            if (exchange.getResponseCode() == -1) {
                try {
                    respondError(exchange, BotApiError.serverError(500));
                } catch (IOException | RuntimeException ignored) {
                    // the client will see a dropped connection instead
                }
            }
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void api(HttpExchange exchange, String requestToken, String requestedMethod) throws IOException {
        Instant at = Instant.now();
        byte[] body = exchange.getRequestBody().readAllBytes();
        TelegramApiSpec.MethodSpec methodSpec = spec.method(requestedMethod).orElse(null);
        String allowlisted = methodSpec == null ? SpecAllowlist.allowedMethod(requestedMethod) : null;
        String method = methodSpec != null ? methodSpec.name() : allowlisted != null ? allowlisted : requestedMethod;
        ObjectNode params = mapper.createObjectNode();
        Map<String, UploadedFile> uploads = Map.of();
        boolean recorded = false;
        try {
            RequestParser.Parameters parsed = parser.parse(exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestURI().getRawQuery(), body);
            params = parsed.params();
            uploads = parsed.files();
            if (!requestToken.equals(token)) {
                throw BotApiError.unauthorized();
            }
            if (methodSpec == null && allowlisted == null) {
                throw BotApiError.notFound(true);
            }
            if (methodSpec != null) {
                SpecValidator.Result validation = validator.validateCall(methodSpec, params, uploads, parsed.formFields());
                if (!validation.isValid()) {
                    throw BotApiError.invalidCall(String.join("; ", validation.problems()));
                }
                params = validation.normalized();
            }
            Fault fault = faults.take(method);
            if (fault != null && applyFault(exchange, fault)) {
                calls.add(new RecordedCall(method, params, at, statusOf(fault), descriptionOf(fault), uploads));
                return;
            }
            if (method.equals("getUpdates")) {
                respondWithUpdates(exchange, methods.getUpdates(params));
                calls.add(new RecordedCall(method, params, at, 200, null, uploads));
                return;
            }
            JsonNode result;
            // Executed and recorded under the state lock: whoever observes the effect of a call (a message, a
            // callback answer) finds the call in the log too.
            stateLock.lock();
            try {
                try {
                    result = methods.invoke(method, params, uploads);
                } catch (BotApiError error) {
                    calls.add(new RecordedCall(method, params, at, error.errorCode(), error.description(), uploads));
                    recorded = true;
                    throw error;
                }
                calls.add(new RecordedCall(method, params, at, 200, null, uploads));
            } finally {
                stateLock.unlock();
            }
            respond(exchange, 200, success(result), "application/json");
        } catch (BotApiError error) {
            if (error.validationProblem()) {
                String problem = error.errorCode() == 401 ? "wrong bot token '" + requestToken + "' (401 Unauthorized)"
                        : error.errorCode() == 404 ? "unknown method '" + requestedMethod + "' (404 Not Found)"
                        : error.detail();
                validationErrors.accept(new ValidationError(at, method, problem, describeRequest(params, uploads)));
            }
            respondError(exchange, error);
            if (!recorded) {
                calls.add(new RecordedCall(method, params, at, error.errorCode(), error.description(), uploads));
            }
        }
    }

    /** @return true if the fault answered the call (or dropped it) so it must not be executed */
    private boolean applyFault(HttpExchange exchange, Fault fault) throws IOException {
        if (fault instanceof Fault.TooManyRequests tooMany) {
            respondError(exchange, BotApiError.tooManyRequests(tooMany.retryAfterSeconds()));
        } else if (fault instanceof Fault.ServerError serverError) {
            respondError(exchange, BotApiError.serverError(serverError.status()));
        } else if (fault instanceof Fault.MalformedJson) {
            respond(exchange, 200, MALFORMED_BODY, "text/html");
        } else if (fault instanceof Fault.ConnectionReset) {
            // Closing an exchange before sendResponseHeaders makes the JDK server close the TCP connection.
            exchange.close();
        } else if (fault instanceof Fault.Delay delay) {
            try {
                Thread.sleep(delay.duration().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while delaying a response", e);
            }
            return false;
        }
        return true;
    }

    private static int statusOf(Fault fault) {
        if (fault instanceof Fault.TooManyRequests) {
            return 429;
        }
        if (fault instanceof Fault.ServerError serverError) {
            return serverError.status();
        }
        return fault instanceof Fault.MalformedJson ? 200 : 0;
    }

    private static String descriptionOf(Fault fault) {
        return "injected fault " + fault;
    }

    private void respondWithUpdates(HttpExchange exchange, List<StoredUpdate> updates) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(64 + updates.size() * 512);
        body.writeBytes("{\"ok\":true,\"result\":[".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < updates.size(); i++) {
            if (i > 0) {
                body.write(',');
            }
            body.writeBytes(updates.get(i).bytes());
        }
        body.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
        if (!listeners.isEmpty()) {
            long now = System.nanoTime();
            for (StoredUpdate update : updates) {
                for (FakeTelegramListener listener : listeners) {
                    listener.onUpdateServed(update.updateId(), update.chatId(), now);
                }
            }
        }
        respond(exchange, 200, body.toByteArray(), "application/json");
    }

    private void download(HttpExchange exchange, String tokenAndPath) throws IOException {
        Instant at = Instant.now();
        int slash = tokenAndPath.indexOf('/');
        String requestToken = slash < 0 ? tokenAndPath : tokenAndPath.substring(0, slash);
        String filePath = slash < 0 ? "" : tokenAndPath.substring(slash + 1);
        ObjectNode params = mapper.createObjectNode().put("file_path", filePath);
        if (!requestToken.equals(token)) {
            validationErrors.accept(new ValidationError(at, "downloadFile", "wrong bot token '" + requestToken
                    + "' in a file download URL", filePath));
            respondError(exchange, BotApiError.unauthorized());
            calls.add(new RecordedCall("downloadFile", params, at, 401, "Unauthorized", Map.of()));
            return;
        }
        FileStore.StoredFile file = files.byPath(filePath).orElse(null);
        if (file == null) {
            respondError(exchange, BotApiError.notFound(false));
            calls.add(new RecordedCall("downloadFile", params, at, 404, "Not Found", Map.of()));
            return;
        }
        respond(exchange, 200, file.bytes(), "application/octet-stream");
        calls.add(new RecordedCall("downloadFile", params, at, 200, null, Map.of()));
    }

    private byte[] success(JsonNode result) throws JsonProcessingException {
        ObjectNode envelope = mapper.createObjectNode();
        envelope.put("ok", true);
        envelope.set("result", result);
        return mapper.writeValueAsBytes(envelope);
    }

    private void respondError(HttpExchange exchange, BotApiError error) throws IOException {
        ObjectNode envelope = mapper.createObjectNode();
        envelope.put("ok", false);
        envelope.put("error_code", error.errorCode());
        envelope.put("description", error.description());
        if (error.retryAfter() != null) {
            envelope.putObject("parameters").put("retry_after", error.retryAfter());
        }
        respond(exchange, error.errorCode(), mapper.writeValueAsBytes(envelope), "application/json");
    }

    private static void respond(HttpExchange exchange, int status, byte[] body, String contentType) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String describeRequest(ObjectNode params, Map<String, UploadedFile> uploads) {
        String text = params.toString();
        if (text.length() > 500) {
            text = text.substring(0, 497) + "...";
        }
        return uploads.isEmpty() ? text : text + " files=" + uploads.values();
    }

    @Override
    public void close() {
        // Long polls were already woken up (UpdateQueue.close()): let them be answered rather than reset, so
        // pollers stop cleanly. HttpServer.stop(n) would always wait n whole seconds, hence the own wait.
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        server.stop(0);
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                log.warn("Fake Telegram HTTP threads did not stop within 2s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
