package ru.eventbot.testsupport.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The HTTP side of the fake: {@code POST /bot<token>/<method>} and {@code GET /file/bot<token>/<path>} on
 * 127.0.0.1. Each call is parsed, checked against the spec, possibly faulted, executed by {@link BotApiMethods},
 * answered in Telegram's envelope (HTTP status = error_code) and recorded.
 * <p>
 * The transport is an embedded Jetty (core API, no servlets). Calls are handled right on the selector thread that
 * read them, which saves the hand-off to a worker thread per request that the JDK server (and Tomcat) make: the
 * fake's work is short and only waits for the state lock. What may wait longer runs on the pool instead: long polls
 * ({@code getUpdates}) and {@link Fault.Delay}.
 */
final class FakeTelegramServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FakeTelegramServer.class);

    /** Pool threads at least: long polls (and delay faults) each hold one while they wait. */
    static final int MIN_THREADS = 32;
    private static final byte[] MALFORMED_BODY =
            "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SUCCESS_PREFIX = "{\"ok\":true,\"result\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] UPDATES_PREFIX = "{\"ok\":true,\"result\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] UPDATES_SUFFIX = "]}".getBytes(StandardCharsets.UTF_8);
    private static final HttpField JSON = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json");
    private static final HttpField HTML = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "text/html");
    private static final HttpField OCTET_STREAM =
            new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/octet-stream");
    /** Keep-alive connections without traffic are closed after this; a long poll that is waiting is not. */
    private static final long IDLE_TIMEOUT_MILLIS = 60_000;

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
    private final QueuedThreadPool pool;
    private final Server server;
    private final ServerConnector connector;
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
        JettyLogging.quiet();

        // + the acceptor and the selectors, which keep a pool thread each
        this.pool = new QueuedThreadPool(Math.max(threads, MIN_THREADS) + 5, 4, 60_000);
        pool.setName("fake-telegram-http");
        pool.setDaemon(true);
        pool.setReservedThreads(0);
        pool.setStopTimeout(2_000);
        this.server = new Server(pool, new ScheduledExecutorScheduler("fake-telegram-http-scheduler", true), null);
        server.setStopTimeout(0);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // Jetty's default number of selectors: 1 on 2 cores, up to 4 on larger machines
        this.connector = new ServerConnector(server, 1, -1, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.setAcceptQueueSize(512);
        connector.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
        server.addConnector(connector);
        server.setHandler(new BotApiHandler());
        try {
            server.start();
        } catch (Exception e) {
            stopServer();
            throw new IllegalStateException("Cannot start the fake Telegram server", e);
        }
    }

    int port() {
        return connector.getLocalPort();
    }

    /** Declared non-blocking, so that Jetty calls it on the selector thread (see the class comment). */
    private final class BotApiHandler extends Handler.Abstract.NonBlocking {

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Exchange exchange = new Exchange(request, response, callback);
            inFlight.incrementAndGet();
            try {
                Content.Source.asByteArrayAsync(request, -1, Promise.Invocable.from(
                        Invocable.InvocationType.NON_BLOCKING, (body, failure) -> {
                            if (failure != null) {
                                log.debug("Client went away", failure);
                                exchange.abort(failure);
                            } else {
                                exchange.body = body;
                                exchange.run(() -> route(exchange));
                            }
                        }));
            } catch (RuntimeException | Error e) {
                log.error("Fake Telegram failed to read a request", e);
                exchange.abort(e);
            }
            return true;
        }
    }

    /** One call: the request, and the response that is sent exactly once (or the connection dropped). */
    private final class Exchange {

        private final Request request;
        private final Response response;
        private final Callback callback;
        private final AtomicBoolean finished = new AtomicBoolean();
        private byte[] body;
        private String path;

        Exchange(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.callback = callback;
        }

        String path() {
            if (path == null) {
                path = Request.getPathInContext(request);
            }
            return path;
        }

        /** Runs {@code action}, answering 500 (and reporting an internal error) if it throws. */
        void run(Runnable action) {
            try {
                action.run();
            } catch (RuntimeException | Error e) {
                log.error("Fake Telegram failed to handle {}", path(), e);
                validationErrors.accept(new ValidationError(Instant.now(), path(),
                        "internal error in the fake Telegram server: " + e, ""));
                if (!finished.get()) {
                    try {
                        response.reset();
                        respondError(this, BotApiError.serverError(500));
                    } catch (RuntimeException | Error ignored) {
                        abort(e);
                    }
                }
            }
        }

        /** Continues on a pool thread, for what may wait (long polls, delays); never on the selector thread. */
        void runBlocking(Runnable action) {
            // (Jetty ignores the idle timeout while a handler neither reads nor writes: long polls may outlast it.)
            try {
                pool.execute(() -> run(action));
            } catch (RejectedExecutionException e) {
                abort(e); // the server is stopping
            }
        }

        void respond(int status, byte[] content, HttpField contentType) {
            if (!finished.compareAndSet(false, true)) {
                return;
            }
            try {
                response.setStatus(status);
                HttpFields.Mutable headers = response.getHeaders();
                headers.put(contentType);
                headers.put(HttpHeader.CONTENT_LENGTH, content.length);
                response.write(true, content.length == 0 ? null : ByteBuffer.wrap(content), Callback.from(
                        Invocable.InvocationType.NON_BLOCKING, this::completed, this::failed));
            } catch (RuntimeException | Error e) {
                failed(e);
            }
        }

        /** Closes the TCP connection without an answer. */
        void dropConnection() {
            if (finished.compareAndSet(false, true)) {
                request.getConnectionMetaData().getConnection().getEndPoint().close();
                failed(new EofException("connection dropped on purpose (Fault.connectionReset)"));
            }
        }

        void abort(Throwable failure) {
            if (finished.compareAndSet(false, true)) {
                failed(failure);
            }
        }

        private void completed() {
            inFlight.decrementAndGet();
            callback.succeeded();
        }

        private void failed(Throwable failure) {
            inFlight.decrementAndGet();
            callback.failed(failure);
        }
    }

    private void route(Exchange exchange) {
        String path = exchange.path();
        if (path.startsWith("/file/bot")) {
            download(exchange, path.substring("/file/bot".length()));
        } else if (path.startsWith("/bot")) {
            String rest = path.substring("/bot".length());
            int slash = rest.indexOf('/');
            api(exchange, slash < 0 ? rest : rest.substring(0, slash), slash < 0 ? "" : rest.substring(slash + 1));
        } else {
            respondError(exchange, BotApiError.notFound(false));
        }
    }

    /** A call being handled, possibly continued on another thread. */
    private static final class Call {
        final Instant at;
        final String requestToken;
        final String requestedMethod;
        final String method;
        ObjectNode params;
        Map<String, UploadedFile> uploads = Map.of();

        Call(Instant at, String requestToken, String requestedMethod, String method, ObjectNode params) {
            this.at = at;
            this.requestToken = requestToken;
            this.requestedMethod = requestedMethod;
            this.method = method;
            this.params = params;
        }
    }

    private void api(Exchange exchange, String requestToken, String requestedMethod) {
        TelegramApiSpec.MethodSpec methodSpec = spec.method(requestedMethod).orElse(null);
        String allowlisted = methodSpec == null ? SpecAllowlist.allowedMethod(requestedMethod) : null;
        String method = methodSpec != null ? methodSpec.name() : allowlisted != null ? allowlisted : requestedMethod;
        Call call = new Call(Instant.now(), requestToken, requestedMethod, method, mapper.createObjectNode());
        Fault fault;
        try {
            RequestParser.Parameters parsed = parser.parse(exchange.request.getHeaders().get(HttpHeader.CONTENT_TYPE),
                    exchange.request.getHttpURI().getQuery(), exchange.body);
            call.params = parsed.params();
            call.uploads = parsed.files();
            if (!requestToken.equals(token)) {
                throw BotApiError.unauthorized();
            }
            if (methodSpec == null && allowlisted == null) {
                throw BotApiError.notFound(true);
            }
            if (methodSpec != null) {
                SpecValidator.Result validation = validator.validateCall(methodSpec, call.params, call.uploads,
                        parsed.formFields());
                if (!validation.isValid()) {
                    throw BotApiError.invalidCall(String.join("; ", validation.problems()));
                }
                call.params = validation.normalized();
            }
            fault = faults.take(method);
        } catch (BotApiError error) {
            rejected(exchange, call, error, false);
            return;
        }
        if (fault instanceof Fault.Timeout timeout) {
            exchange.runBlocking(() -> {
                try {
                    Thread.sleep(timeout.duration().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.dropConnection();
            });
            calls.add(new RecordedCall(method, call.params, call.at, 0, descriptionOf(fault), call.uploads));
        } else if (fault instanceof Fault.Delay delay) {
            exchange.runBlocking(() -> {
                try {
                    Thread.sleep(delay.duration().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    log.debug("Interrupted while delaying a response to {}", method);
                    exchange.abort(e);
                    return;
                }
                execute(exchange, call, true);
            });
        } else if (fault != null) {
            applyFault(exchange, fault);
            calls.add(new RecordedCall(method, call.params, call.at, statusOf(fault), descriptionOf(fault),
                    call.uploads));
        } else {
            execute(exchange, call, false);
        }
    }

    private void execute(Exchange exchange, Call call, boolean mayBlock) {
        if (call.method.equals("getUpdates")) {
            if (!mayBlock) {
                exchange.runBlocking(() -> execute(exchange, call, true));
                return;
            }
            List<StoredUpdate> updates;
            try {
                updates = methods.getUpdates(call.params);
            } catch (BotApiError error) {
                rejected(exchange, call, error, false);
                return;
            }
            respondWithUpdates(exchange, updates);
            calls.add(new RecordedCall(call.method, call.params, call.at, 200, null, call.uploads));
            return;
        }
        JsonNode result = null;
        BotApiError failure = null;
        // Executed and recorded under the state lock: whoever observes the effect of a call (a message, a
        // callback answer) finds the call in the log too.
        stateLock.lock();
        try {
            try {
                result = methods.invoke(call.method, call.params, call.uploads);
            } catch (BotApiError error) {
                failure = error;
            }
            calls.add(new RecordedCall(call.method, call.params, call.at, failure == null ? 200 : failure.errorCode(),
                    failure == null ? null : failure.description(), call.uploads));
        } finally {
            stateLock.unlock();
        }
        if (failure != null) {
            rejected(exchange, call, failure, true);
        } else {
            exchange.respond(200, success(result), JSON);
        }
    }

    private void rejected(Exchange exchange, Call call, BotApiError error, boolean recorded) {
        if (error.validationProblem()) {
            String problem = error.errorCode() == 401
                    ? "wrong bot token '" + call.requestToken + "' (401 Unauthorized)"
                    : error.errorCode() == 404 ? "unknown method '" + call.requestedMethod + "' (404 Not Found)"
                    : error.detail();
            validationErrors.accept(new ValidationError(call.at, call.method, problem,
                    describeRequest(call.params, call.uploads)));
        }
        respondError(exchange, error);
        if (!recorded) {
            calls.add(new RecordedCall(call.method, call.params, call.at, error.errorCode(), error.description(),
                    call.uploads));
        }
    }

    private void applyFault(Exchange exchange, Fault fault) {
        if (fault instanceof Fault.TooManyRequests tooMany) {
            respondError(exchange, BotApiError.tooManyRequests(tooMany.retryAfterSeconds()));
        } else if (fault instanceof Fault.ServerError serverError) {
            respondError(exchange, BotApiError.serverError(serverError.status()));
        } else if (fault instanceof Fault.MalformedJson) {
            exchange.respond(200, MALFORMED_BODY, HTML);
        } else {
            exchange.dropConnection(); // Fault.ConnectionReset
        }
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

    private void respondWithUpdates(Exchange exchange, List<StoredUpdate> updates) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(64 + updates.size() * 512);
        body.writeBytes(UPDATES_PREFIX);
        for (int i = 0; i < updates.size(); i++) {
            if (i > 0) {
                body.write(',');
            }
            body.writeBytes(updates.get(i).bytes());
        }
        body.writeBytes(UPDATES_SUFFIX);
        if (!listeners.isEmpty()) {
            long now = System.nanoTime();
            for (StoredUpdate update : updates) {
                for (FakeTelegramListener listener : listeners) {
                    listener.onUpdateServed(update.updateId(), update.chatId(), now);
                }
            }
        }
        exchange.respond(200, body.toByteArray(), JSON);
    }

    private void download(Exchange exchange, String tokenAndPath) {
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
        exchange.respond(200, file.bytes(), OCTET_STREAM);
        calls.add(new RecordedCall("downloadFile", params, at, 200, null, Map.of()));
    }

    /** {@code {"ok":true,"result":...}}, as Jackson would write the envelope, without building it first. */
    private byte[] success(JsonNode result) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(512);
        body.writeBytes(SUCCESS_PREFIX);
        try {
            mapper.writeValue(body, result);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize a response", e);
        }
        body.write('}');
        return body.toByteArray();
    }

    private void respondError(Exchange exchange, BotApiError error) {
        ObjectNode envelope = mapper.createObjectNode();
        envelope.put("ok", false);
        envelope.put("error_code", error.errorCode());
        envelope.put("description", error.description());
        if (error.retryAfter() != null) {
            envelope.putObject("parameters").put("retry_after", error.retryAfter());
        }
        exchange.respond(error.errorCode(), toJson(envelope), JSON);
    }

    private byte[] toJson(ObjectNode envelope) {
        try {
            return mapper.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a response", e);
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
        // pollers stop cleanly.
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stopServer();
    }

    private void stopServer() {
        JettyLogging.quiet();
        try {
            // stops the connector, then the pool: interrupts what still runs and waits for its threads to end
            server.stop();
        } catch (Exception e) {
            log.warn("Fake Telegram HTTP server did not stop cleanly", e);
        }
        if (!pool.isStopped()) {
            log.warn("Fake Telegram HTTP threads did not stop");
        }
    }

    /**
     * Jetty logs through SLF4J: its INFO lines on every start and stop, and without a logging configuration
     * (Logback's default is DEBUG) everything, at a cost per request. Unless someone configured the
     * {@code org.eclipse.jetty} logger, it is set to WARN. Set again at each stop, since a Spring Boot application
     * started in between resets Logback.
     */
    private static final class JettyLogging {

        private JettyLogging() {
        }

        static void quiet() {
            try {
                if (LoggerFactory.getLogger("org.eclipse.jetty") instanceof ch.qos.logback.classic.Logger jetty
                        && jetty.getLevel() == null) {
                    jetty.setLevel(ch.qos.logback.classic.Level.WARN);
                }
            } catch (LinkageError noLogback) {
                // another SLF4J binding: configured elsewhere
            }
        }
    }
}
