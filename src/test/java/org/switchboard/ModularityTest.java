package org.switchboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Features use each other only through their root packages (API) and events, with no cycles. The
 * same model is written as documentation (docs/architecture.md links it), so the diagrams a newcomer
 * reads are the modules the check enforces.
 */
class ModularityTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(SwitchboardApplication.class);

    @Test
    void featuresRespectEachOthersBoundaries() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        Path output = Path.of("target/spring-modulith-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(output.toString())).writeDocumentation();
        assertThat(output.resolve("all-docs.adoc")).exists();
        assertThat(output.resolve("components.puml")).exists();
        assertThat(output.resolve("module-contact.puml")).exists();
    }
}
