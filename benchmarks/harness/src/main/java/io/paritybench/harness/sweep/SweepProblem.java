package io.paritybench.harness.sweep;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.cases.CaseData;
import io.paritybench.core.generate.GeneratorSpec;
import io.paritybench.core.generate.ProblemGenerator;

import java.util.Locale;

/**
 * A problem of a sweep: a stable id (part of every trial's identity, the same on every machine), the coordinates it
 * came from (columns of the results) and how to build it.
 */
public sealed interface SweepProblem {

    /** @return the stable id, e.g. {@code gen:random-spectrum:n=10,kappa=100,budgets=equal,seed=1} */
    String id();

    /** @return the generator family, {@code n2} for the two-asset grid, or the case's family */
    String family();

    int n();

    /** @return the nominal κ(Σ) of the generator, NaN when the family has none */
    default double kappa() {
        return Double.NaN;
    }

    /** @return how the budgets were chosen ({@code equal}, {@code dirichlet:1}, ...) */
    String budgets();

    /** @return the seed, or -1 when the problem is not random */
    default long seed() {
        return -1;
    }

    /** @return the correlation of a two-asset problem, NaN otherwise */
    default double rho() {
        return Double.NaN;
    }

    /** @return σ2/σ1 of a two-asset problem, NaN otherwise */
    default double volRatio() {
        return Double.NaN;
    }

    /** @return Σ and b (deterministic: the same bits on every call and every JVM) */
    RiskBudgetProblem build();

    /** A problem of a generator family ({@link ProblemGenerator}). */
    record Generated(GeneratorSpec spec) implements SweepProblem {
        @Override
        public String id() {
            return "gen:" + spec;
        }

        @Override
        public String family() {
            return spec.family().id();
        }

        @Override
        public int n() {
            return spec.n();
        }

        @Override
        public double kappa() {
            return spec.has("kappa") ? spec.param("kappa") : Double.NaN;
        }

        @Override
        public String budgets() {
            return spec.budgets().toString();
        }

        @Override
        public long seed() {
            return spec.seed();
        }

        @Override
        public RiskBudgetProblem build() {
            return ProblemGenerator.problem(spec);
        }
    }

    /** A case folder ({@code cov.csv}, {@code budgets.csv}, optional {@code ref_weights.csv}, {@code meta.json}). */
    record Case(CaseData data) implements SweepProblem {
        @Override
        public String id() {
            return "case:" + data.name();
        }

        @Override
        public String family() {
            return data.meta() == null ? "case" : data.meta().family();
        }

        @Override
        public int n() {
            return data.problem().n();
        }

        @Override
        public double kappa() {
            return data.meta() == null ? Double.NaN : data.meta().conditionNumber();
        }

        @Override
        public String budgets() {
            return data.problem().isErc() ? "equal" : "given";
        }

        @Override
        public long seed() {
            return data.meta() != null && data.meta().seed() != null ? data.meta().seed() : -1;
        }

        @Override
        public RiskBudgetProblem build() {
            return data.problem();
        }
    }

    /**
     * The two-asset problem of ALGORITHMS.md §4.1: {@code σ1}, {@code σ2 = σ1·ratio}, correlation ρ, budgets
     * {@code (b, 1 − b)}; Σ is built from these in double and is the problem (the closed form is evaluated on it).
     */
    record TwoAssets(double sigma1, double ratio, double rho, double b) implements SweepProblem {
        @Override
        public String id() {
            return String.format(Locale.ROOT, "n2:sigma1=%s,ratio=%s,rho=%s,b=%s",
                    num(sigma1), num(ratio), num(rho), num(b));
        }

        @Override
        public String family() {
            return "n2";
        }

        @Override
        public int n() {
            return 2;
        }

        @Override
        public String budgets() {
            return "b1=" + num(b);
        }

        @Override
        public double rho() {
            return rho;
        }

        @Override
        public double volRatio() {
            return ratio;
        }

        @Override
        public RiskBudgetProblem build() {
            double s2 = sigma1 * ratio;
            double c = rho * sigma1 * s2;
            return RiskBudgetProblem.normalising(new double[][] {{sigma1 * sigma1, c}, {c, s2 * s2}},
                    new double[] {b, 1 - b});
        }

        private static String num(double v) {
            return Double.toString(v).replace("E", "e");
        }
    }
}
