package io.paritybench.core.generate;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.SolveResult;

/**
 * A generated problem with its reference solution and conditioning.
 *
 * @param spec         what generated it (regenerates it bit for bit)
 * @param problem      Σ and budgets
 * @param reference    the result of {@link io.paritybench.core.reference.ReferenceSolver} (correctly rounded
 *                     weights when {@link #certified()})
 * @param conditioning condition numbers computed from the reference weights; null if the reference produced no
 *                     positive weights
 */
public record GeneratedProblem(GeneratorSpec spec, RiskBudgetProblem problem, SolveResult reference,
                               Conditioning conditioning) {

    /** @return the reference weights (a copy) */
    public double[] referenceWeights() {
        return reference.weights();
    }

    /** @return whether the reference solver certified its solution (see its class comment) */
    public boolean certified() {
        return io.paritybench.core.reference.ReferenceSolver.isCertified(reference);
    }

    @Override
    public String toString() {
        return "GeneratedProblem[" + spec + ", certified=" + certified() + ", " + conditioning + "]";
    }
}
