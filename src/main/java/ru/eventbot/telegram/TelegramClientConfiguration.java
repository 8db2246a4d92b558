package ru.eventbot.telegram;

import java.net.URI;
import java.time.Duration;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Wires TelegramBots by hand (there is no starter for 10.x). Two clients share one connection pool: one for the
 * long poll, whose calls wait up to the poll timeout and can be cancelled at shutdown, and one for everything
 * the bot sends, with short timeouts.
 */
@Configuration(proxyBeanMethods = false)
class TelegramClientConfiguration {

    @Bean(destroyMethod = "")
    OkHttpClient telegramHttpClient(TelegramProperties properties, GatewayPolicy policy) {
        var dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(128);
        dispatcher.setMaxRequestsPerHost(128);
        var builder = new OkHttpClient.Builder();
        var prefix = pathPrefix(properties.apiUrl());
        if (!prefix.isEmpty()) {
            // TelegramUrl has no path: a Bot API served below one (a reverse proxy, the sandbox's stand-in) gets it here
            builder.addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                    .url(chain.request().url().newBuilder()
                            .encodedPath(prefix + chain.request().url().encodedPath()).build())
                    .build()));
        }
        return builder
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(64, 5, java.util.concurrent.TimeUnit.MINUTES))
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(policy.readTimeout())
                .writeTimeout(Duration.ofSeconds(60))
                .retryOnConnectionFailure(false)
                .build();
    }

    @Bean
    TelegramUrl telegramUrl(TelegramProperties properties) {
        return toTelegramUrl(properties.apiUrl());
    }

    @Bean
    TelegramClient telegramClient(OkHttpClient telegramHttpClient, TelegramProperties properties, TelegramUrl url) {
        return new SynchronousTelegramClient(telegramHttpClient, properties.token(), url);
    }

    @Bean
    PollingClient pollingClient(OkHttpClient telegramHttpClient, TelegramProperties properties, TelegramUrl url) {
        var pollHttp = telegramHttpClient.newBuilder()
                .dispatcher(new Dispatcher())
                .readTimeout(properties.pollTimeout().plusSeconds(15))
                .build();
        return new PollingClient(new SynchronousTelegramClient(pollHttp, properties.token(), url), pollHttp);
    }

    static TelegramUrl toTelegramUrl(String apiUrl) {
        var uri = URI.create(apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl);
        var scheme = uri.getScheme() == null ? "https" : uri.getScheme();
        var port = uri.getPort() != -1 ? uri.getPort() : ("http".equals(scheme) ? 80 : 443);
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("TELEGRAM_API_URL is not a URL: " + apiUrl);
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("TELEGRAM_API_URL must be scheme://host[:port][/path] without a query "
                    + "(the Bot API adds /bot<token>/<method>): " + apiUrl);
        }
        return new TelegramUrl(scheme, uri.getHost(), port, false);
    }

    /** The path of {@code TELEGRAM_API_URL} without its trailing slash ("" for none), put before /bot<token>/... */
    static String pathPrefix(String apiUrl) {
        var path = URI.create(apiUrl).getRawPath();
        if (path == null) {
            return "";
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
