package ru.eventbot;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
@EnableScheduling
public class EventBotApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application as {@link #main} runs it: with a token for Telegram, without one in sandbox mode. */
    public static SpringApplication application() {
        var application = new SpringApplication(EventBotApplication.class);
        application.addListeners(new BotTokenCheck(), new DataDirCheck());
        // without a token, sandbox mode (ru.eventbot.sandbox.SandboxActivation); only ever from here
        application.setDefaultProperties(java.util.Map.of(BotTokenCheck.SANDBOX_ALLOWED, "true"));
        return application;
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
