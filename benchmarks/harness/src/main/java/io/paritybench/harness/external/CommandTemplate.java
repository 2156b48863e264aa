package io.paritybench.harness.external;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command template with placeholders, run by {@code /bin/sh -c} after substitution. Every substituted value is
 * quoted for the shell (single quotes), so paths with spaces are one word; the rest of the template is shell text
 * (environment assignments, redirections and {@code &&} work).
 *
 * <p>Placeholders: {@code {cov}}, {@code {budgets}}, {@code {init}} (empty when there is no initial point),
 * {@code {out}} and {@code {dir}} (paths), {@code {tol}}, {@code {maxIter}} (0 = the implementation's default),
 * {@code {timeLimit}} (seconds, 0 = none) and {@code {n}}. Any other {@code {name}} is an error.
 */
public final class CommandTemplate {

    /** The placeholders a template may use. */
    public static final Set<String> PLACEHOLDERS = Set.of("cov", "budgets", "tol", "maxIter", "timeLimit", "init",
            "out", "n", "dir");

    private final String text;
    private final List<String> parts;

    private CommandTemplate(String text, List<String> parts) {
        this.text = text;
        this.parts = parts;
    }

    /**
     * @return the parsed template: literal text and placeholder names alternate (even indices are literal)
     * @throws IllegalArgumentException naming an unknown or unclosed placeholder
     */
    public static CommandTemplate parse(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '{') {
                literal.append(c);
                i++;
                continue;
            }
            int close = text.indexOf('}', i);
            String name = close < 0 ? null : text.substring(i + 1, close);
            if (name == null || !name.matches("[A-Za-z]+") || i > 0 && text.charAt(i - 1) == '$') {
                // not a placeholder (a shell ${VAR}, an awk block): keep it as text
                literal.append(c);
                i++;
                continue;
            }
            if (!PLACEHOLDERS.contains(name)) {
                throw new IllegalArgumentException("unknown placeholder {" + name + "}; the placeholders are "
                        + String.join(", ", PLACEHOLDERS.stream().sorted().map(p -> "{" + p + "}").toList()));
            }
            parts.add(literal.toString());
            literal.setLength(0);
            parts.add(name);
            i = close + 1;
        }
        parts.add(literal.toString());
        if (text.isBlank()) {
            throw new IllegalArgumentException("empty command");
        }
        return new CommandTemplate(text, List.copyOf(parts));
    }

    /** @return the command with every placeholder replaced by its shell-quoted value */
    public String substitute(Map<String, String> values) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < parts.size(); k++) {
            if (k % 2 == 0) {
                sb.append(parts.get(k));
            } else {
                String v = values.get(parts.get(k));
                if (v == null) {
                    throw new IllegalStateException("no value for {" + parts.get(k) + "}");
                }
                sb.append(quote(v));
            }
        }
        return sb.toString();
    }

    /** @return the value in single quotes for {@code /bin/sh} */
    static String quote(String v) {
        return "'" + v.replace("'", "'\"'\"'") + "'";
    }

    /** @return the template as written */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
