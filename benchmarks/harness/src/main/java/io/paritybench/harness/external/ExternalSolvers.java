package io.paritybench.harness.external;

import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.Solvers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The solvers a command sees: the built-in ones ({@link Solvers}) followed by the external ones of its
 * {@code --external FILE}. A command loads its definitions once with {@link #use}; worker JVMs of a sweep get the same
 * file through the system property {@link #PROPERTY}.
 */
public final class ExternalSolvers {

    /** System property naming the definitions file of a worker JVM. */
    public static final String PROPERTY = "paritybench.external";

    private static volatile Loaded current = new Loaded(null, null, Map.of());

    /** @param text the file's content as read (null when none is loaded) */
    private record Loaded(Path file, String text, Map<String, ExternalSolver> byId) {
    }

    private ExternalSolvers() {
    }

    /**
     * Loads the definitions of {@code file} (or none, when null) for this process.
     *
     * @throws io.paritybench.harness.InputException for a bad file (file and line named)
     */
    public static void use(Path file) {
        if (file == null) {
            current = new Loaded(null, null, Map.of());
            return;
        }
        Map<String, ExternalSolver> m = new LinkedHashMap<>();
        for (ExternalDefinition d : ExternalDefinitions.read(file)) {
            m.put(d.id(), new ExternalSolver(d));
        }
        Path abs = file.toAbsolutePath().normalize();
        String text;
        try {
            text = java.nio.file.Files.readString(abs, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new io.paritybench.harness.InputException(file.toString(),
                    "cannot read the external solver definitions: " + e.getMessage());
        }
        current = new Loaded(abs, text, java.util.Collections.unmodifiableMap(m));
    }

    /** Loads the file named by the system property {@link #PROPERTY}, if set (worker JVMs). */
    public static void useProperty() {
        String f = System.getProperty(PROPERTY);
        if (f != null && !f.isBlank()) {
            use(Path.of(f));
        }
    }

    /** @return the loaded definitions file (absolute), or null */
    public static Path file() {
        return current.file();
    }

    /**
     * @return the loaded definitions file's content, or null when none is loaded: part of a sweep's fingerprint
     *         ({@link io.paritybench.harness.sweep.SweepConfig#fingerprint(String)}), since the same ids with other
     *         commands are other solvers
     */
    public static String definitionsText() {
        return current.text();
    }

    /** @return the external solvers, in file order */
    public static List<ExternalSolver> external() {
        return List.copyOf(current.byId().values());
    }

    /** @return built-in then external solvers */
    public static List<RiskBudgetSolver> all() {
        List<RiskBudgetSolver> all = new ArrayList<>(Solvers.all());
        all.addAll(current.byId().values());
        return all;
    }

    /** @return built-in then external solver ids */
    public static List<String> ids() {
        List<String> ids = new ArrayList<>(Solvers.ids());
        ids.addAll(current.byId().keySet());
        return ids;
    }

    /** @return whether {@code id} is an external solver */
    public static boolean isExternal(String id) {
        return current.byId().containsKey(id);
    }

    /**
     * @return the solver with this id, external or built-in
     * @throws IllegalArgumentException naming the unknown id and the known ones
     */
    public static RiskBudgetSolver byId(String id) {
        ExternalSolver e = current.byId().get(id);
        if (e != null) {
            return e;
        }
        try {
            return Solvers.byId(id);
        } catch (IllegalArgumentException ex) {
            if (current.byId().isEmpty()) {
                throw ex;
            }
            throw new IllegalArgumentException(ex.getMessage() + "; external solvers (" + current.file() + "): "
                    + String.join(", ", current.byId().keySet()), ex);
        }
    }
}
