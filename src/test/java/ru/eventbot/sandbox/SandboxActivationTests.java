package ru.eventbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class SandboxActivationTests {

    @TempDir
    Path dataDir;

    @Test
    void withoutATokenOnANewDataFolderPointsTheBotAtTheStandInWithATokenOfItsOwn() {
        // given
        var environment = environment(Map.of("server.port", "8181", "eventbot.organiser-ids", "42"));

        // when
        var refusal = SandboxActivation.activate(environment);

        // then
        assertThat(refusal).isEmpty();
        assertThat(environment.getProperty("eventbot.sandbox.enabled")).isEqualTo("true");
        var token = environment.getProperty("eventbot.telegram.token");
        assertThat(token).matches("7000000001:[A-Za-z0-9_-]{35}").isEqualTo(environment.getProperty("eventbot.sandbox.token"));
        assertThat(environment.getProperty("eventbot.telegram.api-url")).isEqualTo("http://127.0.0.1:8181/sandbox/api");
        assertThat(environment.getProperty("eventbot.telegram.mode")).isEqualTo("polling");
        assertThat(environment.getProperty("eventbot.organiser-ids")).isEqualTo("42,100000001");
        assertThat(dataDir.resolve("sandbox")).isDirectory();
    }

    @Test
    void leavesAnApplicationAloneThatMainDidNotBuildSoNoTestRunsInSandboxModeByAccident() {
        // given
        var environment = environment(Map.of("eventbot.telegram.token", ""));
        var event = new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(), new SpringApplication(),
                new String[0], environment);

        // when
        new SandboxActivation().onApplicationEvent(event);

        // then
        assertThat(environment.getProperty("eventbot.sandbox.enabled")).isNull();
        assertThat(environment.getProperty("eventbot.telegram.token")).isEmpty();
        assertThat(dataDir).isEmptyDirectory();
    }

    @Test
    void choosesAFreePortWhenAskedForAnyPortSinceTheBotMustKnowItBeforeItStarts() {
        // given
        var environment = environment(Map.of("server.port", "0"));

        // when
        SandboxActivation.activate(environment);

        // then
        var port = environment.getProperty("server.port", Integer.class);
        assertThat(port).isPositive();
        assertThat(environment.getProperty("eventbot.telegram.api-url")).endsWith(":" + port + "/sandbox/api");
    }

    @Test
    void generatesADifferentTokenEveryStart() {
        // given / when / then
        assertThat(SandboxActivation.newToken()).isNotEqualTo(SandboxActivation.newToken());
    }

    @Test
    void neverStartsOnADataFolderARealBotHasUsed() throws Exception {
        // given
        Files.writeString(dataDir.resolve("eventbot.mv.db"), "a real bot's database");
        var environment = environment(Map.of());

        // when
        var refusal = SandboxActivation.activate(environment);

        // then
        assertThat(refusal).hasValueSatisfying(reason -> assertThat(reason).contains("real bot's data"));
        assertThat(environment.getProperty("eventbot.sandbox.enabled")).isNull();
        assertThat(dataDir.resolve("sandbox")).doesNotExist();
    }

    @Test
    void neverStartsOnADatabaseOtherThanTheEmbeddedH2() {
        // given
        var environment = environment(Map.of("spring.datasource.url", "jdbc:postgresql://db/eventbot?ssl=true"));

        // when
        var refusal = SandboxActivation.activate(environment);

        // then
        assertThat(refusal).hasValueSatisfying(reason -> assertThat(reason)
                .contains("jdbc:postgresql://db/eventbot").doesNotContain("ssl"));
    }

    @Test
    void startsAgainOnItsOwnDataFolder() {
        // given
        SandboxActivation.activate(environment(Map.of()));

        // when / then
        assertThat(SandboxActivation.activate(environment(Map.of()))).isEmpty();
    }

    @Test
    void refusesARealTokenOnASandboxDataFolderAndAcceptsItOnAnyOther(@TempDir Path other) {
        // given
        SandboxActivation.activate(environment(Map.of()));

        // when / then
        assertThatThrownBy(() -> SandboxActivation.refuseSandboxData(environment(Map.of())))
                .isInstanceOf(SandboxDataException.class);
        SandboxActivation.refuseSandboxData(environment(Map.of("eventbot.data-dir", other.toString())));
    }

    @Test
    void explainsTheRefusedDataFolderWithWhatToDo() {
        // given
        var analysis = new SandboxDataFailureAnalyzer().analyze(new IllegalStateException(
                new SandboxDataException(dataDir)));

        // then
        assertThat(analysis.getDescription()).contains(dataDir.toString()).contains("sandbox");
        assertThat(analysis.getAction()).contains("EVENTBOT_DATA_DIR=").contains("TELEGRAM_BOT_TOKEN=<token>");
    }

    private StandardEnvironment environment(Map<String, Object> properties) {
        var environment = new StandardEnvironment();
        var all = new java.util.HashMap<String, Object>(Map.of("eventbot.data-dir", dataDir.toString()));
        all.putAll(properties);
        environment.getPropertySources().addFirst(new MapPropertySource("test", all));
        return environment;
    }
}
