package io.paritybench.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** The solvers available on the class path, found once through {@link SolverProvider} services. */
public final class Solvers {

    private static final class Holder {
        static final Map<String, RiskBudgetSolver> BY_ID = load();
    }

    private Solvers() {
    }

    private static Map<String, RiskBudgetSolver> load() {
        Map<String, RiskBudgetSolver> byId = new LinkedHashMap<>();
        for (SolverProvider provider : ServiceLoader.load(SolverProvider.class, Solvers.class.getClassLoader())) {
            for (RiskBudgetSolver s : provider.solvers()) {
                RiskBudgetSolver previous = byId.putIfAbsent(s.id(), s);
                if (previous != null && previous.getClass() != s.getClass()) {
                    throw new IllegalStateException("two solvers share the id '" + s.id() + "': "
                            + previous.getClass().getName() + " and " + s.getClass().getName());
                }
            }
        }
        return Collections.unmodifiableMap(byId);
    }

    /** @return all solvers, in provider order */
    public static List<RiskBudgetSolver> all() {
        return List.copyOf(Holder.BY_ID.values());
    }

    /** @return all solver ids, in provider order */
    public static List<String> ids() {
        return List.copyOf(Holder.BY_ID.keySet());
    }

    /** @return whether a solver with this id is on the class path (no copy of the id list: asked on every solve) */
    public static boolean has(String id) {
        return Holder.BY_ID.containsKey(id);
    }

    /**
     * @return the solver with this id
     * @throws IllegalArgumentException naming the unknown id and the known ones
     */
    public static RiskBudgetSolver byId(String id) {
        RiskBudgetSolver s = Holder.BY_ID.get(id);
        if (s == null) {
            throw new IllegalArgumentException("unknown solver '" + id + "'; known solvers: "
                    + String.join(", ", new ArrayList<>(Holder.BY_ID.keySet())));
        }
        return s;
    }
}
