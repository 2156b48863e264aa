package io.paritybench.ccd;

import io.paritybench.core.cases.AccuracyTolerance;
import io.paritybench.core.cases.CaseData;

/** What cyclical coordinate descent can be expected to achieve on a shared case. */
final class CcdCases {

    /**
     * The linear rate is about {@code 1 − O(1/κ_w)} per sweep (ALGORITHMS.md §6.4, §8.3): beyond κ_w ≈ 1e4 the
     * default cap of 10⁴ sweeps does not suffice.
     */
    static final double MAX_KAPPA_WEIGHTS = 1e4;

    private CcdCases() {
    }

    /** @return whether the case is within reach of the default sweep cap */
    static boolean withinReach(CaseData c) {
        return c.meta().kappaWeights() < MAX_KAPPA_WEIGHTS;
    }

    /**
     * @return whether the case's weight accuracy follows from its residual tolerance for a method that stops as soon
     *         as the residual passes: the weight error left is about κ(J)·tol (J the Jacobian of §2.4), which a
     *         quadratically convergent method overshoots but a linearly convergent one does not
     */
    static boolean weightAccuracyFollowsFromResidual(CaseData c) {
        AccuracyTolerance t = c.tolerance();
        return kappaJacobian(c) * t.maxAbsRrcError() <= t.maxRelWeightError();
    }

    /** @return the weight error to demand: the case's achievable accuracy, or κ(J)·tol when that is larger */
    static double reachableWeightError(CaseData c) {
        AccuracyTolerance t = c.tolerance();
        return Math.max(t.maxRelWeightError(), kappaJacobian(c) * t.maxAbsRrcError());
    }

    /** @return κ(J) of the case ({@code kappa_newton_jacobian} in meta.json) */
    static double kappaJacobian(CaseData c) {
        Double k = c.meta().kappaJacobian();
        if (k == null) {
            throw new IllegalStateException("case " + c.name() + " has no kappa_newton_jacobian");
        }
        return k;
    }
}
