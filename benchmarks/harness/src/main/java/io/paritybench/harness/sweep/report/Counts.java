package io.paritybench.harness.sweep.report;

import io.paritybench.harness.sweep.Outcome;
import io.paritybench.harness.sweep.TrialRecord;

import java.util.EnumMap;
import java.util.Map;

/** Outcome counts of a set of trials. */
final class Counts {

    private final Map<Outcome, Long> byOutcome = new EnumMap<>(Outcome.class);
    private long total;

    void add(TrialRecord r) {
        byOutcome.merge(r.judgement().outcome(), 1L, Long::sum);
        total++;
    }

    static Counts of(Iterable<TrialRecord> rows) {
        Counts c = new Counts();
        rows.forEach(c::add);
        return c;
    }

    long total() {
        return total;
    }

    long get(Outcome o) {
        return byOutcome.getOrDefault(o, 0L);
    }

    /** @return the trials that count in the rates (all but NOT_APPLICABLE) */
    long applicable() {
        return total - get(Outcome.NOT_APPLICABLE);
    }

    long ok() {
        return get(Outcome.OK);
    }

    long silent() {
        return get(Outcome.CLAIMED_SUCCESS_BUT_INACCURATE) + get(Outcome.INVALID_WEIGHTS) + get(Outcome.NON_FINITE);
    }

    long reported() {
        return get(Outcome.REPORTED_FAILURE);
    }

    /** @return exceptions and timeouts */
    long crashed() {
        return get(Outcome.EXCEPTION) + get(Outcome.TIMEOUT);
    }

    /** @return {@code OK / silent / reported} in percent of the applicable trials */
    String triple() {
        long a = applicable();
        if (a == 0) {
            return Fmt.NONE;
        }
        return Fmt.pct(ok(), a) + " / " + Fmt.pct(silent(), a) + " / " + Fmt.pct(reported(), a);
    }
}
