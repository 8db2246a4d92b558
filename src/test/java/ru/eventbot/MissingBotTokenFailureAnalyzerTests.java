package ru.eventbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;

@ExtendWith(OutputCaptureExtension.class)
class MissingBotTokenFailureAnalyzerTests {

    @Test
    void explainsAMissingTokenWithTheVariableAndTheCommandToRun() {
        // given
        var analyzer = new MissingBotTokenFailureAnalyzer();
        var failure = new IllegalStateException("Failed to bind properties under 'eventbot.telegram'",
                new MissingBotTokenException());

        // when
        var analysis = analyzer.analyze(failure);

        // then
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("TELEGRAM_BOT_TOKEN");
        assertThat(analysis.getAction()).contains("@BotFather")
                .contains("TELEGRAM_BOT_TOKEN=<token> ./mvnw spring-boot:run");
        assertThat(analysis.getCause()).isInstanceOf(MissingBotTokenException.class);
    }

    @Test
    void leavesOtherFailuresToOtherAnalyzers() {
        // given
        var analyzer = new MissingBotTokenFailureAnalyzer();

        // when
        var analysis = analyzer.analyze(new IllegalStateException("something else"));

        // then
        assertThat(analysis).isNull();
    }

    @Test
    void isRegisteredAsAFailureAnalyzerInSpringFactories() {
        // given
        var loader = SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader());
        var arguments = ArgumentResolver.of(BeanFactory.class, new DefaultListableBeanFactory())
                .and(Environment.class, new StandardEnvironment());

        // when
        var analyzers = loader.load(FailureAnalyzer.class, arguments);

        // then
        assertThat(analyzers).hasAtLeastOneElementOfType(MissingBotTokenFailureAnalyzer.class);
    }

    @Test
    void stopsTheApplicationWithTheExplanationWhenNoTokenIsSet(CapturedOutput output, @TempDir Path dataDir) {
        // given
        var application = new SpringApplication(EventBotApplication.class);
        var args = new String[] {
                "--eventbot.telegram.token=",
                "--eventbot.data-dir=" + dataDir,
                "--spring.datasource.url=jdbc:h2:mem:no-token-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--server.port=0",
                "--spring.main.banner-mode=off",
        };

        // when / then
        assertThatThrownBy(() -> application.run(args))
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e))
                        .isInstanceOf(MissingBotTokenException.class));
        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("TELEGRAM_BOT_TOKEN is not set")
                .contains("TELEGRAM_BOT_TOKEN=<token> ./mvnw spring-boot:run");
    }

    @Test
    void theMainCheckRefusesBeforeTheDatabaseIsTouchedWhenNoSandboxMayRunEither(CapturedOutput output,
                                                                               @TempDir Path dataDir) throws Exception {
        // given: the application as main() builds it, on a data folder a real bot has used
        java.nio.file.Files.writeString(dataDir.resolve("eventbot.trace.db"), "a real bot was here");
        var application = EventBotApplication.application();
        var args = new String[] {
                "--eventbot.telegram.token= ",
                "--eventbot.data-dir=" + dataDir,
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("eventbot"),
                "--spring.main.banner-mode=off",
        };

        // when / then
        assertThatThrownBy(() -> application.run(args)).isInstanceOf(MissingBotTokenException.class);
        assertThat(dataDir).isDirectoryNotContaining("glob:**/eventbot.mv.db").isDirectoryNotContaining("glob:**/sandbox");
        assertThat(output.getAll()).contains("TELEGRAM_BOT_TOKEN is not set, and EVENTBOT_DATA_DIR")
                .contains("real bot's data").doesNotContain("Flyway");
    }
}
