package io.paritybench.harness.sweep;

import io.paritybench.core.cases.CaseFiles;
import io.paritybench.core.generate.BudgetSpec;
import io.paritybench.core.generate.GeneratorSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a sweep runs, in its canonical order: groups of trials (every solver on one problem: the grid, the case
 * folders, the n = 2 grid) and the breaking-point searches (one per solver and n). Positions in this order give
 * the trials' ordinals and the shard split.
 *
 * @param solvers the solver ids
 * @param groups  one problem each, run by every solver
 * @param pairs   the bisection searches
 */
public record SweepPlan(List<String> solvers, List<Group> groups, List<Pair> pairs) {

    /** Stride of the bisection's ordinals: pair, probe, seed. */
    static final long PAIR_STRIDE = 1_000_000L;
    static final long PROBE_STRIDE = 10_000L;

    /**
     * Every solver on one problem.
     *
     * @param stage    grid, cases or n2
     * @param position position within the stage
     * @param problem  the problem
     */
    public record Group(Stage stage, int position, SweepProblem problem) {
    }

    /**
     * One breaking-point search.
     *
     * @param position position among the searches
     * @param solverId the solver
     * @param n        the size
     */
    public record Pair(int position, String solverId, int n) {
    }

    public SweepPlan {
        solvers = List.copyOf(solvers);
        groups = List.copyOf(groups);
        pairs = List.copyOf(pairs);
    }

    /**
     * @param config   the settings
     * @param casesDir a folder of case folders to run instead of the grid (null: the grid); with it, the n = 2 grid
     *                 and the bisection run only if the config asks for them explicitly
     */
    public static SweepPlan of(SweepConfig config, Path casesDir, boolean n2, boolean bisect) {
        return of(config, casesDir, n2, bisect, casesDir == null && config.measure().enabled());
    }

    /**
     * @param measure whether to add the risk-measure grid ({@link #measureGrid})
     */
    public static SweepPlan of(SweepConfig config, Path casesDir, boolean n2, boolean bisect, boolean measure) {
        return of(config, casesDir, n2, bisect, measure, casesDir == null && config.structured().enabled());
    }

    /**
     * @param structured whether to add the structured factor-form block ({@link #structuredBlock})
     */
    public static SweepPlan of(SweepConfig config, Path casesDir, boolean n2, boolean bisect, boolean measure,
                               boolean structured) {
        List<String> solvers = config.grid().solvers();
        List<Group> groups = new ArrayList<>();
        if (casesDir == null) {
            groups.addAll(grid(config));
        } else {
            groups.addAll(cases(casesDir));
        }
        if (n2) {
            groups.addAll(twoAssets(config));
        }
        if (measure) {
            groups.addAll(measureGrid(config));
        }
        if (structured) {
            groups.addAll(structuredBlock(config));
        }
        List<Pair> pairs = new ArrayList<>();
        if (bisect) {
            for (String s : solvers) {
                for (int n : config.bisection().sizes()) {
                    pairs.add(new Pair(pairs.size(), s, n));
                }
            }
        }
        return new SweepPlan(solvers, groups, pairs);
    }

    /** @return the plan for a config alone (grid, plus n = 2 and bisection as the config says) */
    public static SweepPlan of(SweepConfig config) {
        return of(config, null, config.twoAssets().enabled(), config.bisection().enabled(), config.measure().enabled(),
                config.structured().enabled());
    }

    static List<Group> grid(SweepConfig config) {
        List<Group> out = new ArrayList<>();
        for (SweepConfig.FamilyEntry family : config.grid().families()) {
            List<Double> kappas = family.sweepsKappa() ? config.grid().kappas() : List.of(Double.NaN);
            for (int n : config.grid().sizes()) {
                for (double kappa : kappas) {
                    for (BudgetSpec b : config.grid().budgets()) {
                        for (long seed : config.grid().seeds()) {
                            GeneratorSpec spec = family.spec(n, kappa, b, seed);
                            out.add(new Group(Stage.GRID, out.size(), new SweepProblem.Generated(spec)));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The measure grid: measure.families x measure.n x measure.kappa x measure.budgets x measure.seeds x measures. */
    static List<Group> measureGrid(SweepConfig config) {
        List<Group> out = new ArrayList<>();
        for (SweepConfig.FamilyEntry family : config.measure().families()) {
            List<Double> kappas = family.sweepsKappa() ? config.measure().kappas() : List.of(Double.NaN);
            for (int n : config.measure().sizes()) {
                for (double kappa : kappas) {
                    for (BudgetSpec b : config.measure().budgets()) {
                        for (long seed : config.measure().seeds()) {
                            GeneratorSpec spec = family.spec(n, kappa, b, seed);
                            for (String m : config.measure().measures()) {
                                out.add(new Group(Stage.MEASURE, out.size(), new SweepProblem.Measured(
                                        new SweepProblem.Generated(spec), m)));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The structured block: structured.family x structured.n x structured.budgets x structured.seeds, factor form. */
    static List<Group> structuredBlock(SweepConfig config) {
        SweepConfig.StructuredStage st = config.structured();
        List<Group> out = new ArrayList<>();
        for (int n : st.sizes()) {
            for (BudgetSpec b : st.budgets()) {
                for (long seed : st.seeds()) {
                    out.add(new Group(Stage.STRUCTURED, out.size(),
                            new SweepProblem.Structured(st.family().spec(n, Double.NaN, b, seed))));
                }
            }
        }
        return out;
    }

    static List<Group> twoAssets(SweepConfig config) {
        List<Group> out = new ArrayList<>();
        for (double rho : config.twoAssets().rho()) {
            for (double ratio : config.twoAssets().volRatio()) {
                for (double b : config.twoAssets().budget()) {
                    out.add(new Group(Stage.N2, out.size(), new SweepProblem.TwoAssets(0.2, ratio, rho, b)));
                }
            }
        }
        return out;
    }

    /** @return the case folders under a folder (or the folder itself if it is one), sorted by name */
    static List<Group> cases(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--cases: " + dir + " is not a folder");
        }
        List<Path> folders = new ArrayList<>();
        if (CaseFiles.isCase(dir)) {
            folders.add(dir);
        } else {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(CaseFiles::isCase).sorted()
                        .forEach(folders::add);
            } catch (IOException e) {
                throw new UncheckedIOException("--cases: cannot list " + dir + ": " + e.getMessage(), e);
            }
        }
        if (folders.isEmpty()) {
            throw new IllegalArgumentException("--cases: no case folder (with " + CaseFiles.COV + " or "
                    + CaseFiles.FACTOR_LOADINGS + ") in " + dir);
        }
        List<Group> out = new ArrayList<>();
        for (Path f : folders) {
            out.add(new Group(Stage.CASES, out.size(), new SweepProblem.Case(CaseFiles.read(f))));
        }
        return out;
    }

    /** @return the ordinal of a solver's trial in a group */
    public long ordinal(Group g, int solverIndex) {
        return (long) g.position() * solvers.size() + solverIndex;
    }

    /** @return the ordinal of a bisection trial */
    static long ordinal(Pair p, int probe, int seedIndex) {
        return p.position() * PAIR_STRIDE + probe * PROBE_STRIDE + seedIndex;
    }

    /** @return the groups of a shard */
    public List<Group> groups(Shard shard) {
        return groups.stream().filter(g -> shard.includes(g.position())).toList();
    }

    /** @return the bisection searches of a shard */
    public List<Pair> pairs(Shard shard) {
        return pairs.stream().filter(p -> shard.includes(p.position())).toList();
    }
}
