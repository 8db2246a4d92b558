package ru.eventbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(EventBotApplication.class);

    @Test
    void keepsTheModuleBoundaries() {
        // given / when / then
        modules.verify();
    }

    @Test
    void findsTheModulesOfTheArchitecture() {
        // given / when
        var names = modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString).toList();

        // then
        assertThat(names).contains("participant", "conversation", "account", "telegram", "web");
    }

    @Test
    void keepsFeatureModulesFreeOfTelegramAndWeb() {
        // given
        var features = modules.stream()
                .filter(module -> !module.getIdentifier().toString().equals("telegram"))
                .filter(module -> !module.getIdentifier().toString().equals("web"))
                .toList();

        // when / then
        assertThat(features).isNotEmpty().allSatisfy(module -> assertThat(
                module.getDirectDependencies(modules).uniqueModules()
                        .map(dependency -> dependency.getIdentifier().toString()))
                .as("direct dependencies of %s", module.getIdentifier())
                .doesNotContain("telegram", "web"));
    }

    @Test
    void writesTheModuleDocumentation() throws Exception {
        // given
        var folder = Path.of("target", "spring-modulith-docs");
        var documenter = new Documenter(modules, folder.toString());

        // when
        documenter.writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();

        // then
        assertThat(folder.resolve("components.puml")).exists();
        assertThat(Files.readString(folder.resolve("components.puml"))).contains("Telegram");
    }
}
