package ru.eventbot;

import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;

/**
 * Work handed to Spring's task executor (asynchronous event listeners, {@code @Async}) keeps the log context of
 * the thread that handed it over: the update, chat or broadcast it is about (see the log pattern in
 * {@code config/application.yml}). Spring Boot applies a {@link TaskDecorator} bean to its executor.
 */
@Configuration(proxyBeanMethods = false)
class LogContextPropagation {

    @Bean
    TaskDecorator logContextTaskDecorator() {
        return task -> {
            var context = MDC.getCopyOfContextMap();
            return () -> {
                var previous = MDC.getCopyOfContextMap();
                setContext(context);
                try {
                    task.run();
                } finally {
                    setContext(previous);
                }
            };
        };
    }

    private static void setContext(java.util.Map<String, String> context) {
        if (context == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(context);
        }
    }
}
