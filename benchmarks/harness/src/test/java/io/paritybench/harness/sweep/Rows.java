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
        boolean n2 = stage == Stage.N2;
        return new TrialRecord(
                new TrialRecord.Key(key, stage, ordinal, solver, problem, n2 ? "n2" : "random-spectrum", n2 ? 2 : 10,
                        1e4, "equal", "volatility", 1, n2 ? 0.5 : Double.NaN, n2 ? 10 : Double.NaN),
                new TrialRecord.Facts(1e4 * (1 + ordinal % 3), 50, 80, 1e-15, 0.1),
                new TrialRecord.Reference(ProblemReference.Kind.REFERENCE_SOLVER, n2 ? 2e-16 : Double.NaN),
                new TrialRecord.Result(status.isEmpty() ? null : io.paritybench.core.SolveStatus.valueOf(status),
                        ok ? 7 : 100, timeMs, 1e-16, Double.NaN),
                new TrialRecord.Judgement(1e-10, 5e-8, outcome, ok ? 1e-16 : 1e-3, ok ? 1e-15 : 1e-2, wRel, 1e-16, ok,
                        "message, with \"quotes\""));
    }
}
