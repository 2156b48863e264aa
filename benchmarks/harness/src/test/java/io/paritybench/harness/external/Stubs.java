package io.paritybench.harness.external;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The stub external solvers of {@code src/test/resources/external} (python3 and sh). */
public final class Stubs {

    private Stubs() {
    }

    /** @return the definitions file of the stubs */
    public static Path definitions() {
        try {
            return Path.of(Stubs.class.getResource("/external/stubs.defs").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
