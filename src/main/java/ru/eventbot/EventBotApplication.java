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
        var application = new SpringApplication(EventBotApplication.class);
        application.addListeners(new BotTokenCheck(), new DataDirCheck());
        application.run(args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
