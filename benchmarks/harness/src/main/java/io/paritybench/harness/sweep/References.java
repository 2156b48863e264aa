package io.paritybench.harness.sweep;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskMetrics;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.cases.AccuracyTolerance;
import io.paritybench.core.cases.CaseData;
import io.paritybench.core.cases.CaseMeta;
import io.paritybench.core.generate.Conditioning;
import io.paritybench.core.generate.FactorConditioning;
import io.paritybench.core.oracle.ClosedFormTwoAssets;
import io.paritybench.core.reference.ReferenceSolver;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The reference answer and conditioning of every problem of a sweep, computed once per problem (in the harness's
 * own process: the reference solver is trusted code with bounded work) and cached by problem id for the whole
 * sweep, so the trials of all solvers on a problem, and the bisection probes that revisit it, share one reference.
 * Thread-safe.
 */
public final class References {

    /** The tolerance the reference solver is run with; its certificate, not this, decides whether it is used. */
    private static final double REFERENCE_TOLERANCE = 1e-6;

    private final ConcurrentHashMap<String, ProblemReference> cache = new ConcurrentHashMap<>();

    /** @return the reference of a problem (computed on first use; {@code built} is {@code problem.build()}) */
    public ProblemReference of(SweepProblem problem, RiskBudgetProblem built) {
        return cache.computeIfAbsent(problem.id(), id -> compute(problem, built));
    }

    /** @return the number of problems referenced so far */
    public int size() {
        return cache.size();
    }

    static ProblemReference compute(SweepProblem problem, RiskBudgetProblem built) {
        if (problem instanceof SweepProblem.TwoAssets) {
            return closedForm(built);
        }
        if (problem instanceof SweepProblem.Case c && c.data().referenceWeights() != null) {
            return caseFile(c.data());
        }
        return referenceSolver(built);
    }

    private static SolverOptions options() {
        return SolverOptions.defaults().withTolerance(REFERENCE_TOLERANCE);
    }

    /** The certified weights of the reference solver; without a certificate, no weights (only the conditioning). */
    static ProblemReference referenceSolver(RiskBudgetProblem p) {
        if (!p.measure().isVolatility()) {
            return measure(p);
        }
        SolveResult r;
        try {
            r = new ReferenceSolver().solve(p, options());
        } catch (RuntimeException e) {
            return none(p, "the reference solver failed: " + e);
        }
        double[] w = r.weights();
        if (!RiskMetrics.allPositive(w)) {
            return none(p, "the reference solver ended with " + r.status() + " and no usable weights");
        }
        boolean certified = ReferenceSolver.isCertified(r);
        ProblemReference c = fromConditioning(p, w, certified ? ProblemReference.Kind.REFERENCE_SOLVER
                : ProblemReference.Kind.NONE, Double.NaN, certified ? "" : "reference not certified (" + r.status()
                + "); conditioning from its uncertified weights");
        return certified ? c : withoutWeights(c);
    }

    /**
     * A problem under a risk measure with expected returns: the reference solver's double Newton weights (not
     * certified to the last bit; kind {@link ProblemReference.Kind#REFERENCE_UNCERTIFIED}) when it converged or
     * stagnated at the noise floor with a residual within the problem's achievable accuracy; kind
     * {@link ProblemReference.Kind#NO_SOLUTION} when the solution does not exist. The conditioning (κ_w, the
     * cancellation) is that of the volatility problem with these weights, an estimate for the measure; the RRC floor
     * is measured with the measure's contributions.
     */
    static ProblemReference measure(RiskBudgetProblem p) {
        SolveResult r;
        try {
            r = new ReferenceSolver().solve(p, options());
        } catch (RuntimeException e) {
            return none(p, "the reference solver failed: " + e);
        }
        if (r.status() == io.paritybench.core.SolveStatus.NO_SOLUTION) {
            return new ProblemReference(ProblemReference.Kind.NO_SOLUTION, null, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, min(p.budgets()), null, Double.NaN, "no solution for " + p.measure() + ": "
                    + r.message());
        }
        double[] w = r.weights();
        if (!RiskMetrics.allPositive(w)) {
            return none(p, "the reference solver ended with " + r.status() + " and no usable weights");
        }
        ProblemReference c = fromConditioning(p, w, ProblemReference.Kind.REFERENCE_UNCERTIFIED, Double.NaN,
                "reference solver's double Newton (" + r.status() + "), not certified");
        boolean usable = r.status() == io.paritybench.core.SolveStatus.CONVERGED
                && (c.accuracy() == null || r.residual() <= c.accuracy().maxAbsRrcError());
        return usable ? c : withoutWeights(new ProblemReference(c.kind(), c.weights(), c.kappaSigma(), c.kappaW(),
                c.cancellation(), c.rrcFloor(), c.budgetMin(), c.accuracy(), c.crossCheck(),
                "reference solver ended with " + r.status() + " (residual " + r.residual() + "); no reference weights"));
    }

    /** The n = 2 closed form on the stored Σ, cross-checked against the reference solver. */
    static ProblemReference closedForm(RiskBudgetProblem p) {
        double[] w = new ClosedFormTwoAssets().solve(p, options()).weights();
        double cross = Double.NaN;
        try {
            SolveResult r = new ReferenceSolver().solve(p, options());
            if (ReferenceSolver.isCertified(r)) {
                cross = RiskMetrics.maxRelWeightError(r.weights(), w);
            }
        } catch (RuntimeException e) {
            cross = Double.NaN;
        }
        return fromConditioning(p, w, ProblemReference.Kind.CLOSED_FORM, cross, "");
    }

    /** The stored reference of a case; conditioning from its {@code meta.json} when present, else computed. */
    static ProblemReference caseFile(CaseData c) {
        RiskBudgetProblem p = c.problem();
        double[] w = c.referenceWeights();
        CaseMeta m = c.meta();
        if (m != null && Double.isFinite(m.kappaWeights()) && Double.isFinite(m.floorNaive())) {
            return new ProblemReference(ProblemReference.Kind.CASE_FILE, w, m.conditionNumber(), m.kappaWeights(),
                    m.cancellation(), m.floorNaive(), min(p.budgets()), AccuracyTolerance.forCase(m), Double.NaN, "");
        }
        return fromConditioning(p, w, ProblemReference.Kind.CASE_FILE, Double.NaN, "conditioning computed (no meta.json)");
    }

    private static ProblemReference fromConditioning(RiskBudgetProblem p, double[] w, ProblemReference.Kind kind,
                                                     double cross, String note) {
        Conditioning k;
        try {
            k = p.isFactor() ? FactorConditioning.of(p, w) : Conditioning.of(p, w);
        } catch (RuntimeException e) {
            return new ProblemReference(kind, w, Double.NaN, Double.NaN, Double.NaN, Double.NaN, min(p.budgets()),
                    null, cross, "conditioning failed: " + e.getMessage());
        }
        AccuracyTolerance acc = Double.isFinite(k.kappaWeights()) && Double.isFinite(k.rrcFloorNaive())
                ? AccuracyTolerance.of(k.kappaWeights(), k.rrcFloorNaive()) : null;
        return new ProblemReference(kind, w, k.kappaSigma(), k.kappaWeights(), k.cancellation(), k.rrcFloorNaive(),
                min(p.budgets()), acc, cross, note);
    }

    private static ProblemReference withoutWeights(ProblemReference r) {
        return new ProblemReference(ProblemReference.Kind.NONE, null, r.kappaSigma(), r.kappaW(), r.cancellation(),
                r.rrcFloor(), r.budgetMin(), r.accuracy(), r.crossCheck(), r.note());
    }

    private static ProblemReference none(RiskBudgetProblem p, String note) {
        return new ProblemReference(ProblemReference.Kind.NONE, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                min(p.budgets()), null, Double.NaN, note);
    }

    private static double min(double[] b) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : b) {
            m = Math.min(m, v);
        }
        return m;
    }
}
