package io.paritybench.jmh;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.openjdk.jmh.annotations.Param;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The separate step before JMH starts: builds every problem of the {@link SolverBenchmark} grid (family × n × κ ×
 * seed), with its certified reference and conditioning, into the side file and the matrix cache
 * ({@link ProblemSource}, {@link MatrixCache}), so that no solver's trial pays for them (and none gets the extra JIT
 * warm-up and heap churn of a reference solve). The grid is given with JMH's own {@code -p name=v1,v2} options (other
 * parameters are ignored); a parameter not given takes the values of its {@code @Param} annotation.
 *
 * <pre>
 * PARITYBENCH_JMH_SIDE=results/jmh/default.side.jsonl java -cp benchmarks.jar io.paritybench.jmh.Prepare \
 *     -p n=10,100 -p kappa=1e2 -p family=random-spectrum -p seed=1+2+3
 * </pre>
 */
@Command(name = "Prepare", mixinStandardHelpOptions = true,
        description = "Builds the problems of the SolverBenchmark grid into the side file before JMH runs.")
public final class Prepare implements Callable<Integer> {

    @Option(names = "-p", paramLabel = "NAME=V1,V2", description = "a JMH parameter list (repeatable)")
    private List<String> params = new ArrayList<>();

    public static void main(String[] args) {
        System.exit(new CommandLine(new Prepare()).execute(args));
    }

    @Override
    public Integer call() {
        if (SideFile.configured() == null) {
            System.err.println("Prepare: no side file (set " + SideFile.ENV + "); nothing would be kept");
            return 2;
        }
        Map<String, List<String>> grid;
        try {
            grid = grid(params);
        } catch (IllegalArgumentException e) {
            System.err.println("Prepare: " + e.getMessage());
            return 2;
        }
        long t0 = System.nanoTime();
        int built = 0;
        for (String family : grid.get("family")) {
            for (String kappa : grid.get("kappa")) {
                for (String n : grid.get("n")) {
                    for (String seed : seeds(grid.get("seed"))) {
                        long s = System.nanoTime();
                        try {
                            BenchProblem p = ProblemSource.build(family, Integer.parseInt(n), Double.parseDouble(kappa),
                                    Long.parseLong(seed));
                            built++;
                            System.err.printf(java.util.Locale.ROOT, "Prepare: %s (κ_w %.3g) in %.2f s%n", p.spec(),
                                    p.kappaWeights(), (System.nanoTime() - s) * 1e-9);
                        } catch (IllegalArgumentException e) {
                            // reported by the trial as a setup error, like any other invalid parameter
                            System.err.println("Prepare: skipping " + family + ", n = " + n + ", kappa = " + kappa
                                    + ", seed = " + seed + ": " + e.getMessage());
                        }
                    }
                }
            }
        }
        System.err.printf(java.util.Locale.ROOT, "Prepare: %d problems in %.1f s%n", built,
                (System.nanoTime() - t0) * 1e-9);
        return 0;
    }

    /**
     * @return the single seeds of a list of {@code seed} values, each one seed or several joined by {@code +}
     *         ({@link SolverBenchmark#seeds}), in order, without repeats; a value that is not a seed list is kept as
     *         it is (the trial reports it as a setup error)
     */
    static List<String> seeds(List<String> values) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        for (String v : values) {
            try {
                for (long s : SolverBenchmark.seeds(v)) {
                    out.add(Long.toString(s));
                }
            } catch (IllegalArgumentException e) {
                out.add(v);
            }
        }
        return new ArrayList<>(out);
    }

    /** @return the values of family, kappa, n and seed: from {@code -p} options, else the annotation's */
    static Map<String, List<String>> grid(List<String> options) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : List.of("family", "kappa", "n", "seed")) {
            out.put(name, defaults(name));
        }
        for (String o : options) {
            int eq = o.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("-p needs NAME=V1,V2, got '" + o + "'");
            }
            String name = o.substring(0, eq);
            if (out.containsKey(name)) {
                out.put(name, Arrays.stream(o.substring(eq + 1).split(",")).map(String::trim)
                        .filter(v -> !v.isEmpty()).toList());
            }
        }
        return out;
    }

    private static List<String> defaults(String field) {
        try {
            Field f = SolverBenchmark.class.getField(field);
            return List.of(f.getAnnotation(Param.class).value());
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("SolverBenchmark has no parameter " + field, e);
        }
    }
}
