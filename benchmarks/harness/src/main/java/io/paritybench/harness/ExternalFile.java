package io.paritybench.harness;

import io.paritybench.harness.external.ExternalSolvers;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --external FILE}, the external solver definitions of {@code solve}, {@code sweep}, {@code peers} and
 * {@code trace}
 * (picocli mixin): one {@code ID: COMMAND TEMPLATE} per line, whose ids join the built-in solvers.
 */
public final class ExternalFile {

    @Option(names = "--external", order = 40, paramLabel = "FILE",
            description = "External solver definitions (one 'ID: COMMAND TEMPLATE' per line); their ids join the "
                    + "built-in solvers (in a sweep and a trace, 'all' includes them; a sweep's worker JVMs get them "
                    + "too).")
    Path file;

    /** @return the file, or null when none was given */
    public Path file() {
        return file;
    }

    /**
     * Loads the definitions for this process ({@link ExternalSolvers#use}); none when no file was given.
     *
     * @return the file, or null
     * @throws InputException for a bad file (file and line named)
     */
    public Path use() {
        ExternalSolvers.use(file);
        return file;
    }
}
