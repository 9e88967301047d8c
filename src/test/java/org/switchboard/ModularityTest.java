package org.switchboard;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Features use each other only through their root packages (API) and events, with no cycles. */
class ModularityTest {

    @Test
    void featuresRespectEachOthersBoundaries() {
        ApplicationModules.of(SwitchboardApplication.class).verify();
    }
}
