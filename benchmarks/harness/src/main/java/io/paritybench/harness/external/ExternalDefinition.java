package io.paritybench.harness.external;

import java.nio.file.Path;

/**
 * One line of a definitions file: {@code ID: COMMAND TEMPLATE}.
 *
 * @param id       the solver id (letters, digits, {@code .}, {@code _}, {@code -}; not a built-in id)
 * @param template the command template, with placeholders ({@link CommandTemplate})
 * @param file     the definitions file (absolute); commands run in its folder
 * @param line     the line number in that file (1-based)
 */
public record ExternalDefinition(String id, CommandTemplate template, Path file, int line) {

    /** @return the folder the command runs in: the definitions file's folder */
    public Path workingDirectory() {
        Path parent = file.getParent();
        return parent == null ? Path.of(".").toAbsolutePath() : parent;
    }
}
