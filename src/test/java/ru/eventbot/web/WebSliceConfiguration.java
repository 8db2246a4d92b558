package ru.eventbot.web;

import java.time.Duration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import ru.eventbot.telegram.TelegramProperties;

/** What a web slice needs besides the controllers: the real security set-up and the settings it reads. */
@TestConfiguration(proxyBeanMethods = false)
@Import({SecurityConfiguration.class, ProblemAuthenticationEntryPoint.class})
class WebSliceConfiguration {

    @Bean
    TelegramProperties telegramProperties() {
        return new TelegramProperties("1:x", "http://127.0.0.1:1", "polling", null, null, Duration.ofSeconds(1), 2,
                200, 4);
    }
}
