package ru.eventbot.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * In sandbox mode only: {@code /sandbox/**} is open without signing in (the chat page, its JSON, the stand-in's Bot
 * API, which checks its own token), the page's static files are served from {@code classpath:/sandbox-ui/}, and one
 * log line says where the sandbox is and how to connect a real bot instead. Without sandbox mode none of these
 * paths exist (and the organisers' security asks for a sign-in before it answers 404).
 */
@Configuration(proxyBeanMethods = false)
@SandboxOnly
class SandboxWebConfiguration implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(SandboxWebConfiguration.class);

    private final Environment environment;

    SandboxWebConfiguration(Environment environment) {
        this.environment = environment;
    }

    /**
     * No CSRF token: the sandbox has no sign-in, session or cookie to abuse, and its page's changes are JSON
     * requests, which another site's page cannot send without a CORS preflight this application never allows.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain sandboxSecurityFilterChain(HttpSecurity http) throws Exception {
        http
                .securityMatcher("/sandbox", "/sandbox/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/sandbox/**").addResourceLocations("classpath:/sandbox-ui/");
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/sandbox", "/sandbox/");
        registry.addViewController("/sandbox/").setViewName("forward:/sandbox/index.html");
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        var port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        var context = environment.getProperty("server.servlet.context-path", "");
        log.info("Sandbox mode (no TELEGRAM_BOT_TOKEN): the bot talks to a stand-in for Telegram inside this "
                + "application; chat with it at http://localhost:{}{}/sandbox. To connect a real bot, get a token from "
                + "@BotFather and start with TELEGRAM_BOT_TOKEN=<token> and a data folder of its own "
                + "(EVENTBOT_DATA_DIR=./data-bot).", port, context);
    }
}
