package io.paritybench.ccd;

import io.paritybench.core.cases.CaseData;

/** Which shared cases cyclical coordinate descent is expected to solve to their achievable accuracy. */
final class CcdCases {

    /**
     * The linear rate is about {@code 1 − O(1/κ_w)} per sweep (ALGORITHMS.md §6.4, §8.3): beyond κ_w ≈ 1e4 the
     * default cap of 10⁴ sweeps does not suffice, so only honesty is demanded there.
     */
    static final double MAX_KAPPA_WEIGHTS = 1e4;

    private CcdCases() {
    }

    static boolean withinReach(CaseData c) {
        return c.meta().kappaWeights() < MAX_KAPPA_WEIGHTS;
    }
}
