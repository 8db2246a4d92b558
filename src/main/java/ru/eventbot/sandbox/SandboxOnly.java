package ru.eventbot.sandbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/**
 * A bean that exists only in sandbox mode: {@code eventbot.sandbox.enabled} is set by {@link SandboxActivation}
 * alone, when the application starts from its main method without a bot token.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ConditionalOnBooleanProperty(SandboxActivation.ENABLED)
@interface SandboxOnly {
}
