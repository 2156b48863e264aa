package io.paritybench.core.generate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Everything needed to regenerate a problem bit for bit: family, size, family parameters, budgets and seed.
 *
 * <p>String form (parsed by {@link #parse}, produced by {@link #toString}; the canonical form lists every family
 * parameter that has a fixed default with its resolved value, so it names the problem completely; parameters
 * without one are listed only when given: {@code gap} of constant-correlation, and {@code t} of sample, which
 * otherwise follows n as 2n):
 * <pre>
 *   FAMILY:n=N[,PARAM=VALUE]...[,budgets=BUDGETS][,seed=SEED]
 *   random-spectrum:n=100,kappa=1e8,budgets=equal,seed=42
 *   constant-correlation:n=10,gap=1e-3,budgets=dirichlet:0.5,seed=7
 *   factor:n=50,k=5,idio=1e-10,mixed=1,budgets=tiny:3:1e-4,seed=1
 * </pre>
 * Families and their parameters are listed in {@link Family}; BUDGETS is a {@link BudgetSpec} string
 * ({@code equal}, default; {@code dirichlet:ALPHA}; {@code tiny[:K[:VALUE]]}); SEED a long (default 0).
 *
 * @param family the generator family
 * @param n      the number of assets (≥ 2)
 * @param params the family parameters, resolved: every parameter with a fixed default is present; unmodifiable
 * @param budgets how budgets are drawn
 * @param seed   the seed of all random draws
 */
public record GeneratorSpec(Family family, int n, Map<String, Double> params, BudgetSpec budgets, long seed) {

    public GeneratorSpec {
        if (family == null) {
            throw new IllegalArgumentException("family is missing");
        }
        if (n < 2) {
            throw new IllegalArgumentException("need n >= 2, got " + n);
        }
        budgets = budgets == null ? BudgetSpec.equal() : budgets;
        params = resolve(family, n, params == null ? Map.of() : params);
    }

    /** @return a spec with default parameters, ERC budgets */
    public static GeneratorSpec of(Family family, int n, long seed) {
        return new GeneratorSpec(family, n, Map.of(), BudgetSpec.equal(), seed);
    }

    /** @return the random-spectrum spec with this κ(Σ), ERC budgets */
    public static GeneratorSpec randomSpectrum(int n, double kappa, long seed) {
        return new GeneratorSpec(Family.RANDOM_SPECTRUM, n, Map.of("kappa", kappa), BudgetSpec.equal(), seed);
    }

    /** @return a copy with this parameter set */
    public GeneratorSpec with(String name, double value) {
        Map<String, Double> p = new LinkedHashMap<>(params);
        if (family == Family.CONSTANT_CORRELATION && (name.equals("gap") || name.equals("rho"))) {
            p.remove("gap");
            p.remove("rho");
        }
        p.put(name, value);
        return new GeneratorSpec(family, n, p, budgets, seed);
    }

    /** @return a copy with these budgets */
    public GeneratorSpec withBudgets(BudgetSpec b) {
        return new GeneratorSpec(family, n, params, b, seed);
    }

    /** @return a copy with this seed */
    public GeneratorSpec withSeed(long s) {
        return new GeneratorSpec(family, n, params, budgets, s);
    }

    /** @return a copy with this size */
    public GeneratorSpec withN(int size) {
        return new GeneratorSpec(family, size, params, budgets, seed);
    }

    /** @return the value of a parameter; throws if the family has no such parameter or it is unset */
    public double param(String name) {
        Double v = params.get(name);
        if (v == null) {
            throw new IllegalArgumentException(family + " has no parameter '" + name + "' set");
        }
        return v;
    }

    /** @return whether a parameter is set */
    public boolean has(String name) {
        return params.containsKey(name);
    }

    /** @return the spec of a string form (see the class comment) */
    public static GeneratorSpec parse(String s) {
        String text = s.trim();
        int colon = text.indexOf(':');
        Family family = Family.byId(colon < 0 ? text : text.substring(0, colon));
        Integer n = null;
        long seed = 0;
        BudgetSpec budgets = BudgetSpec.equal();
        Map<String, Double> params = new LinkedHashMap<>();
        if (colon >= 0) {
            for (String item : text.substring(colon + 1).split(",")) {
                String kv = item.trim();
                if (kv.isEmpty()) {
                    continue;
                }
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("expected KEY=VALUE, got '" + kv + "' in '" + s + "'");
                }
                String key = kv.substring(0, eq).trim().toLowerCase(Locale.ROOT);
                String value = kv.substring(eq + 1).trim();
                try {
                    switch (key) {
                        case "n" -> n = Integer.parseInt(value);
                        case "seed" -> seed = Long.parseLong(value);
                        case "budgets" -> budgets = BudgetSpec.parse(value);
                        default -> {
                            if (params.put(key, Double.parseDouble(value)) != null) {
                                throw new IllegalArgumentException("parameter '" + key + "' given twice in '" + s + "'");
                            }
                        }
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bad number for '" + key + "' in '" + s + "'", e);
                }
            }
        }
        if (n == null) {
            throw new IllegalArgumentException("spec '" + s + "' does not give n");
        }
        return new GeneratorSpec(family, n, params, budgets, seed);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(family.id()).append(":n=").append(n);
        for (Map.Entry<String, Double> e : params.entrySet()) {
            sb.append(',').append(e.getKey()).append('=').append(format(e.getValue()));
        }
        return sb.append(",budgets=").append(budgets).append(",seed=").append(seed).toString();
    }

    /** Shortest round-tripping decimal form: integers without a fraction, {@code 1e-4} rather than {@code 1.0E-4}. */
    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e7) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v).replace("E", "e");
        return s.replace(".0e", "e");
    }

    private static Map<String, Double> resolve(Family family, int n, Map<String, Double> given) {
        for (Map.Entry<String, Double> e : given.entrySet()) {
            if (!family.accepts(e.getKey())) {
                throw new IllegalArgumentException(family + " has no parameter '" + e.getKey() + "'; it accepts "
                        + family.params().stream().map(Family.Param::name).toList());
            }
            if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException("parameter '" + e.getKey() + "' must be finite, got " + e.getValue());
            }
        }
        if (family == Family.CONSTANT_CORRELATION && given.containsKey("rho") && given.containsKey("gap")) {
            throw new IllegalArgumentException("give either rho or gap for " + family + ", not both");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (Family.Param p : family.params()) {
            Double v = given.get(p.name());
            if (v == null && !Double.isNaN(p.defaultValue())
                    && !(family == Family.CONSTANT_CORRELATION && p.name().equals("rho") && given.containsKey("gap"))) {
                v = p.defaultValue();
            }
            if (v != null) {
                out.put(p.name(), v);
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
