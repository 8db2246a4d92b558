package ru.eventbot.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Decides at start, before anything else is built, whether the application runs in sandbox mode, and if so points
 * the bot at the stand-in: a token of its own, {@code TELEGRAM_API_URL} on this application's own web server, and
 * a simulated organiser added to the organiser ids. Registered in {@code META-INF/spring.factories}, it acts only
 * when {@value #ALLOWED} is set, which the application's main method alone does (as a default property), so tests
 * that build the application themselves never run in sandbox mode by accident. Where the sandbox may not run, it
 * leaves the reason in {@value #REFUSED} for the token check that follows it ({@code BotTokenCheck}).
 *
 * <p>The sandbox keeps its files in {@code EVENTBOT_DATA_DIR/sandbox}, which also marks the folder as a sandbox's:
 * a real token is refused on it, and a folder already used by a real bot never gets demo data.
 */
public final class SandboxActivation implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    public static final String ALLOWED = "eventbot.sandbox.allowed";
    public static final String REFUSED = "eventbot.sandbox.refused";
    static final String ENABLED = "eventbot.sandbox.enabled";
    static final String TOKEN = "eventbot.sandbox.token";
    static final String ORGANISER_ID = "eventbot.sandbox.organiser-id";
    static final long DEFAULT_ORGANISER_ID = 100_000_001L;
    /** The id of the stand-in's bot, the number before the colon of every token it generates. */
    static final long BOT_ID = 7_000_000_001L;
    static final String FOLDER = "sandbox";
    static final String API_PATH = "/sandbox/api";

    private static final String TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    private static final SecureRandom random = new SecureRandom();

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        var environment = event.getEnvironment();
        if (!environment.getProperty(ALLOWED, Boolean.class, false)) {
            return;
        }
        var token = environment.getProperty("eventbot.telegram.token");
        if (token == null || token.isBlank()) {
            activate(environment).ifPresent(reason -> environment.getPropertySources()
                    .addFirst(new MapPropertySource("sandbox-refused", Map.of(REFUSED, reason))));
        } else {
            refuseSandboxData(environment);
        }
    }

    /** Before the token check, which then finds the sandbox's token or the reason there is none. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }

    /**
     * Switches the environment to sandbox mode, or says why it cannot: the sandbox never writes demo data into
     * a data folder a real bot has used, nor into a database other than the embedded H2.
     *
     * @return empty when sandbox mode is on; otherwise why it is not
     */
    static Optional<String> activate(ConfigurableEnvironment environment) {
        var dataDir = dataDir(environment);
        var datasource = environment.getProperty("spring.datasource.url", "");
        if (!datasource.isBlank() && !datasource.startsWith("jdbc:h2:")) {
            return Optional.of("the database is not the embedded H2 (" + datasource.split("[;?]")[0]
                    + "), so no sandbox either");
        }
        if (holdsRealBotData(dataDir)) {
            return Optional.of("EVENTBOT_DATA_DIR (" + dataDir + ") holds a real bot's data, so no sandbox either");
        }
        markAsSandbox(dataDir);
        var port = port(environment);
        var properties = new HashMap<String, Object>();
        var token = newToken();
        properties.put(ENABLED, "true");
        properties.put(TOKEN, token);
        properties.put("eventbot.telegram.token", token);
        properties.put("eventbot.telegram.mode", "polling");
        properties.put("eventbot.telegram.api-url", "http://" + loopbackHost(environment) + ":" + port
                + contextPath(environment) + API_PATH);
        properties.put("server.port", String.valueOf(port));
        var organiser = environment.getProperty(ORGANISER_ID, Long.class, DEFAULT_ORGANISER_ID);
        var organisers = environment.getProperty("eventbot.organiser-ids", "").strip();
        properties.put("eventbot.organiser-ids", organisers.isEmpty() ? organiser.toString()
                : organisers + "," + organiser);
        environment.getPropertySources().addFirst(new MapPropertySource("sandbox", Map.copyOf(properties)));
        return Optional.empty();
    }

    /** A real token on a sandbox's data folder: refused, the folder's participants and file ids are made up. */
    static void refuseSandboxData(ConfigurableEnvironment environment) {
        var dataDir = dataDir(environment);
        if (Files.isDirectory(dataDir.resolve(FOLDER))) {
            throw new SandboxDataException(dataDir);
        }
    }

    static Path dataDir(ConfigurableEnvironment environment) {
        return Path.of(environment.getProperty("eventbot.data-dir", "./data")).toAbsolutePath().normalize();
    }

    static boolean holdsRealBotData(Path dataDir) {
        if (!Files.isDirectory(dataDir) || Files.isDirectory(dataDir.resolve(FOLDER))) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dataDir)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read EVENTBOT_DATA_DIR " + dataDir, e);
        }
    }

    private static void markAsSandbox(Path dataDir) {
        try {
            Files.createDirectories(dataDir.resolve(FOLDER));
            var readme = dataDir.resolve(FOLDER).resolve("README.txt");
            if (!Files.exists(readme)) {
                Files.writeString(readme, """
                        This data folder belongs to the bot's sandbox (started without TELEGRAM_BOT_TOKEN): its
                        participants are simulated and its file ids were issued by the sandbox's stand-in for Telegram.
                        A real bot refuses to start on it: give the real bot a folder of its own (EVENTBOT_DATA_DIR).
                        """, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the sandbox folder in EVENTBOT_DATA_DIR " + dataDir, e);
        }
    }

    static String newToken() {
        var secret = new StringBuilder(35);
        for (int i = 0; i < 35; i++) {
            secret.append(TOKEN_ALPHABET.charAt(random.nextInt(TOKEN_ALPHABET.length())));
        }
        return BOT_ID + ":" + secret;
    }

    /** The configured port; for 0 (any free port) one is chosen now, as the bot must know it before it starts. */
    private static int port(ConfigurableEnvironment environment) {
        var port = environment.getProperty("server.port", Integer.class, 8080);
        if (port != 0) {
            return port;
        }
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port for the sandbox", e);
        }
    }

    private static String loopbackHost(ConfigurableEnvironment environment) {
        var address = environment.getProperty("server.address", "");
        if (address.isBlank() || address.equals("0.0.0.0") || address.equals("::")) {
            return "127.0.0.1";
        }
        return address.contains(":") ? "[" + address + "]" : address;
    }

    private static String contextPath(ConfigurableEnvironment environment) {
        var path = environment.getProperty("server.servlet.context-path", "");
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
