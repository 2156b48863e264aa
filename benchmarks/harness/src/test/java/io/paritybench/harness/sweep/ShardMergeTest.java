package io.paritybench.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Merging result files: deduplication, order and consistency checks. */
class ShardMergeTest {

    @TempDir
    Path tmp;

    private static final TrialRecord A = Rows.row(Stage.GRID, 0, "newton", "gen:a", Outcome.OK, "CONVERGED", 1e-16, 1);
    private static final TrialRecord B = Rows.row(Stage.GRID, 1, "newton", "gen:b", Outcome.OK, "CONVERGED", 1e-16, 1);
    private static final TrialRecord C = Rows.row(Stage.N2, 0, "newton", "n2:c", Outcome.OK, "CONVERGED", 1e-16, 1);

    private Path file(String name, String fingerprint, String shard, TrialRecord... rows) {
        Path f = tmp.resolve(name);
        ResultsCsv.writeAll(f, List.of(rows));
        if (fingerprint != null) {
            RunInfo.of(fingerprint, shard, null, null).write(RunInfo.pathFor(f));
        }
        return f;
    }

    @Test
    void rowsAreDeduplicatedAndSortedByStageThenOrdinal() {
        Path one = file("1.csv", "f", "0/2", C, B);
        Path two = file("2.csv", "f", "1/2", A, B.withoutTiming());

        ShardMerge.Result r = ShardMerge.merge(List.of(one, two));

        assertThat(r.rows()).containsExactly(A, B, C);
        assertThat(r.duplicates()).isEqualTo(1);
        assertThat(r.warnings()).isEmpty();
        ShardMerge.write(r, tmp.resolve("merged.csv"));
        assertThat(ResultsCsv.read(tmp.resolve("merged.csv")).rows()).containsExactly(A, B, C);
        assertThat(RunInfo.read(RunInfo.pathFor(tmp.resolve("merged.csv"))).fingerprint()).isEqualTo("f");
    }

    @Test
    void twoDifferentResultsForOneTrialAreAnError() {
        TrialRecord failed = Rows.row(Stage.GRID, 1, "newton", "gen:b", Outcome.REPORTED_FAILURE, "STAGNATED",
                1e-16, 1);
        Path one = file("1.csv", "f", "0/2", B);
        Path two = file("2.csv", "f", "1/2", failed);

        assertThatThrownBy(() -> ShardMerge.merge(List.of(one, two))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inconsistent results for trial " + B.key().id());
    }

    @Test
    void aTimingDependentDisagreementIsAWarningAndTheFirstIsKept() {
        TrialRecord timedOut = Rows.row(Stage.GRID, 1, "newton", "gen:b", Outcome.TIMEOUT, "", Double.NaN, 10_000);
        Path one = file("1.csv", "f", "0/2", B);
        Path two = file("2.csv", "f", "1/2", timedOut);

        ShardMerge.Result r = ShardMerge.merge(List.of(one, two));

        assertThat(r.rows()).containsExactly(B);
        assertThat(r.warnings()).singleElement().asString().startsWith("timing-dependent trial " + B.key().id());
    }

    @Test
    void shardsOfDifferentSettingsAreRefused() {
        Path one = file("1.csv", "f", "0/2", A);
        Path two = file("2.csv", "g", "1/2", B);

        assertThatThrownBy(() -> ShardMerge.merge(List.of(one, two))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different sweep settings");
    }

    @Test
    void aMissingShardAndAMissingRunFileAreReported() {
        Path one = file("0.csv", "f", "0/3", A);
        Path three = file("2.csv", "f", "2/3", B);
        Path bare = file("bare.csv", null, null, C);

        ShardMerge.Result r = ShardMerge.merge(List.of(one, three, bare));

        assertThat(r.rows()).containsExactly(A, B, C);
        assertThat(r.warnings()).anyMatch(w -> w.equals("missing shard(s): 1/3"))
                .anyMatch(w -> w.contains("bare.csv") && w.contains("cannot be checked"));
    }
}
