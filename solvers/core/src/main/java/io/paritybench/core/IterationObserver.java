package io.paritybench.core;

/**
 * An optional listener that a solver calls at its natural iteration boundary (a CCD sweep, a Newton step, a greedy
 * step, an SQP step, a refinement step of the reference), set with {@link SolverOptions#withObserver}. It exists to
 * draw residual-against-time traces: the listener only <em>copies</em> the iterate (O(n)); residuals are computed
 * after the solve, outside the timed region, from the copies.
 *
 * <p>Solvers call it through {@link SolverOptions#observe}, which costs one null check per iteration when no observer
 * is set. The arrays are the solver's own working arrays: the listener must not modify them or keep references to
 * them past the call.
 */
@FunctionalInterface
public interface IterationObserver {

    /**
     * One iteration boundary.
     *
     * @param iteration    the iteration number in the solver's own unit ({@code 0} is the starting point, when the
     *                     solver reports it); strictly increasing within one solve
     * @param nanoTime     {@link System#nanoTime()} at the boundary; the caller that set the observer reads the same
     *                     clock just before it calls {@code solve}, so the elapsed time of the iteration (setup
     *                     included, the same origin for every solver) is the difference
     * @param iterate      the current iterate x; the weights are {@code w_i ∝ x_i / divisor_i} (any positive scale)
     * @param divisor      the per-coordinate divisor mapping the iterate to weights (e.g. the volatilities σ of a
     *                     correlation-space iterate), or null when {@code w ∝ x}
     */
    void onIteration(int iteration, long nanoTime, double[] iterate, double[] divisor);
}
