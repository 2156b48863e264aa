package io.paritybench.harness.external;

import io.paritybench.core.Solvers;
import io.paritybench.harness.InputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a definitions file: one external solver per line, {@code ID: COMMAND TEMPLATE}; blank lines and lines
 * starting with {@code #} are ignored. An id must be new: not a built-in solver's id and not defined twice. Every
 * error is one {@link InputException} naming the file and the line.
 */
public final class ExternalDefinitions {

    private static final Pattern LINE = Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]*)\\s*:\\s*(.*)");

    private ExternalDefinitions() {
    }

    /**
     * @return the definitions in file order
     * @throws InputException for a missing file or a bad line ({@code FILE:LINE: problem})
     */
    public static List<ExternalDefinition> read(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        List<String> lines;
        try {
            lines = Files.readAllLines(abs, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(file.toString(), "cannot read the external solver definitions: "
                    + (Files.exists(abs) ? e.getMessage() : "no such file"));
        }
        Map<String, ExternalDefinition> byId = new LinkedHashMap<>();
        List<String> builtIn = Solvers.ids();
        for (int k = 0; k < lines.size(); k++) {
            String raw = lines.get(k);
            String line = k == 0 && raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
            String where = file + ":" + (k + 1);
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line.strip());
            if (!m.matches()) {
                throw new InputException(where, "expected 'ID: COMMAND TEMPLATE' (an id of letters, digits, "
                        + "'.', '_' or '-', a colon, then the command), got '" + line.strip() + "'");
            }
            String id = m.group(1);
            if (builtIn.contains(id)) {
                throw new InputException(where, "'" + id + "' is the id of a built-in solver; choose another id");
            }
            ExternalDefinition previous = byId.get(id);
            if (previous != null) {
                throw new InputException(where, "'" + id + "' is already defined on line " + previous.line());
            }
            CommandTemplate template;
            try {
                template = CommandTemplate.parse(m.group(2).strip());
            } catch (IllegalArgumentException e) {
                throw new InputException(where, id + ": " + e.getMessage());
            }
            byId.put(id, new ExternalDefinition(id, template, abs, k + 1));
        }
        if (byId.isEmpty()) {
            throw new InputException(file.toString(), "defines no external solver");
        }
        return new ArrayList<>(byId.values());
    }
}
