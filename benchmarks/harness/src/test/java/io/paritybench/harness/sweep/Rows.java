package io.paritybench.harness.sweep;

/** Builds result rows for tests that do not need to run trials. */
final class Rows {

    private Rows() {
    }

    /** @return a row of a grid trial with the given identity, outcome and accuracy */
    static TrialRecord row(Stage stage, long ordinal, String solver, String problem, Outcome outcome, String status,
                           double wRel, double timeMs) {
        String key = stage.label() + "|" + problem + "|" + solver;
        boolean ok = outcome == Outcome.OK;
        return new TrialRecord(key, stage, ordinal, solver, problem, stage == Stage.N2 ? "n2" : "random-spectrum",
                stage == Stage.N2 ? 2 : 10, 1e4, "equal", 1, stage == Stage.N2 ? 0.5 : Double.NaN,
                stage == Stage.N2 ? 10 : Double.NaN, 1e4 * (1 + ordinal % 3), 50, 80, 1e-15, 0.1, ProblemReference.Kind.REFERENCE_SOLVER,
                stage == Stage.N2 ? 2e-16 : Double.NaN, 1e-10, 5e-8, outcome, status.isEmpty() ? null : io.paritybench.core.SolveStatus.valueOf(status), ok ? 7 : 100, timeMs,
                ok ? 1e-16 : 1e-3, ok ? 1e-15 : 1e-2, wRel, 1e-16, ok, 1e-16, "message, with \"quotes\"");
    }
}
