package io.paritybench.harness.external;

import io.paritybench.harness.sweep.Outcome;
import io.paritybench.harness.sweep.TrialRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The markdown and CSV of {@code results/peers.md}: side-by-side timing (median time and residual per side;
 * per-round time ratios peer/ours with their median and range) and, from a sweep of the peers beside ours, the
 * outcome classes and silent-failure rates by κ and by n.
 */
final class PeersReport {

    private PeersReport() {
    }

    static final String CSV_HEADER = "problem,n,round,side,ours,repeats,seconds,wall_seconds,residual,verdict,detail";

    static String csv(List<PeerTiming.Measurement> ms) {
        StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
        for (PeerTiming.Measurement m : ms) {
            sb.append(String.join(",", m.problem(), Integer.toString(m.n()), Integer.toString(m.round() + 1),
                    m.side(), Boolean.toString(m.ours()), Integer.toString(m.repeats()), num(m.seconds()), num(m.wallSeconds()), num(m.residual()),
                    m.verdict(), quote(m.detail()))).append('\n');
        }
        return sb.toString();
    }

    /** The timing section. */
    static String timing(List<PeerTiming.Measurement> ms, List<PeerTiming.Side> sides, PeerTiming.Settings s) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Tolerance %.0e on max|RRC − b| for every side; %d rounds, each side "
                        + "timed once per round in an order rotated by the round; one measurement = the median of "
                        + "%d timed solves after %d untimed ones, in-process (ours in this JVM, each peer inside its "
                        + "own R or Node process, self-reported; the command's wall time, start-up included, is only "
                        + "in the CSV). Before the rounds every side solves each problem once untimed; a side slower than %.0f s per solve there (or in a round) is timed with one solve, without warm-up, in the rounds after it. Residual: max|RRC − b| of the returned weights, recomputed by the harness.%n%n",
                s.tolerance(), s.rounds(), s.repeats(), s.warmup(), s.slowSeconds()));
        Map<String, List<PeerTiming.Measurement>> byProblem = group(ms, m -> m.problem() + "|" + m.n());
        sb.append("### Median time per solve (and residual reached)\n\n| problem | n |");
        sides.forEach(x -> sb.append(' ').append(x.id()).append(" |"));
        sb.append("\n|---|---|");
        sides.forEach(x -> sb.append("---|"));
        sb.append('\n');
        for (Map.Entry<String, List<PeerTiming.Measurement>> e : byProblem.entrySet()) {
            List<PeerTiming.Measurement> p = e.getValue();
            sb.append("| ").append(p.get(0).problem()).append(" | ").append(p.get(0).n()).append(" |");
            for (PeerTiming.Side x : sides) {
                List<PeerTiming.Measurement> mine = p.stream().filter(m -> m.side().equals(x.id())).toList();
                sb.append(' ').append(cell(mine)).append(" |");
            }
            sb.append('\n');
        }
        List<PeerTiming.Side> ours = sides.stream().filter(PeerTiming.Side::ours).toList();
        List<PeerTiming.Side> peers = sides.stream().filter(x -> !x.ours()).toList();
        sb.append("\n### Time ratio peer / ours: median over rounds [min – max]\n\n")
                .append("Per round, the peer's time divided by ours on the same problem; above 1 the peer is slower. "
                        + "A ratio is shown only where both sides answered within the tolerance (`✗` marks a side "
                        + "that did not: its time is not comparable).\n\n| problem | n | peer |");
        ours.forEach(x -> sb.append(" / ").append(x.id()).append(" |"));
        sb.append("\n|---|---|---|");
        ours.forEach(x -> sb.append("---|"));
        sb.append('\n');
        for (Map.Entry<String, List<PeerTiming.Measurement>> e : byProblem.entrySet()) {
            List<PeerTiming.Measurement> p = e.getValue();
            for (PeerTiming.Side peer : peers) {
                sb.append("| ").append(p.get(0).problem()).append(" | ").append(p.get(0).n()).append(" | ")
                        .append(peer.id()).append(" |");
                for (PeerTiming.Side our : ours) {
                    sb.append(' ').append(ratio(p, peer.id(), our.id(), s.rounds())).append(" |");
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static String cell(List<PeerTiming.Measurement> mine) {
        if (mine.isEmpty()) {
            return "";
        }
        double[] t = mine.stream().mapToDouble(PeerTiming.Measurement::seconds).filter(Double::isFinite).toArray();
        Set<String> verdicts = new TreeSet<>();
        mine.forEach(m -> verdicts.add(m.verdict()));
        double res = mine.get(mine.size() - 1).residual();
        String time = t.length == 0 ? "–" : seconds(PeerTiming.median(t));
        String v = verdicts.equals(Set.of("OK")) ? "" : " ✗ " + String.join("/", verdicts);
        return time + " (" + (Double.isNaN(res) ? "–" : String.format(Locale.ROOT, "%.1e", res)) + ")" + v;
    }

    private static String ratio(List<PeerTiming.Measurement> p, String peer, String our, int rounds) {
        List<Double> r = new ArrayList<>();
        boolean comparable = true;
        for (int k = 0; k < rounds; k++) {
            PeerTiming.Measurement a = find(p, peer, k);
            PeerTiming.Measurement b = find(p, our, k);
            if (a == null || b == null) {
                continue;
            }
            if (!a.verdict().equals("OK") || !b.verdict().equals("OK")) {
                comparable = false;
            }
            if (Double.isFinite(a.seconds()) && Double.isFinite(b.seconds()) && b.seconds() > 0) {
                r.add(a.seconds() / b.seconds());
            }
        }
        if (r.isEmpty()) {
            return "–";
        }
        double[] v = r.stream().mapToDouble(Double::doubleValue).toArray();
        java.util.Arrays.sort(v);
        return (comparable ? "" : "✗ ") + String.format(Locale.ROOT, "%s [%s – %s]", x(PeerTiming.median(v)),
                x(v[0]), x(v[v.length - 1]));
    }

    private static PeerTiming.Measurement find(List<PeerTiming.Measurement> p, String side, int round) {
        for (PeerTiming.Measurement m : p) {
            if (m.side().equals(side) && m.round() == round) {
                return m;
            }
        }
        return null;
    }

    /** The robustness section: outcome classes and silent-failure rates of every solver of the sweep. */
    static String robustness(List<TrialRecord> rows) {
        StringBuilder sb = new StringBuilder();
        Map<String, List<TrialRecord>> bySolver = group(rows, r -> r.key().solver());
        sb.append("### Outcome classes (share of applicable trials)\n\n| solver | side | trials | OK | silent "
                + "(CLAIMED_SUCCESS_BUT_INACCURATE + INVALID_WEIGHTS + NON_FINITE) | REPORTED_FAILURE | EXCEPTION |"
                + " TIMEOUT |\n|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, List<TrialRecord>> e : bySolver.entrySet()) {
            List<TrialRecord> r = e.getValue().stream().filter(t -> t.judgement().outcome().isApplicable()).toList();
            sb.append("| ").append(e.getKey()).append(" | ").append(ExternalSolvers.isExternal(e.getKey()) ? "peer" : "ours")
                    .append(" | ").append(r.size()).append(" | ").append(share(r, o -> o == Outcome.OK))
                    .append(" | ").append(share(r, Outcome::isSilentFailure)).append(" | ")
                    .append(share(r, o -> o == Outcome.REPORTED_FAILURE)).append(" | ")
                    .append(share(r, o -> o == Outcome.EXCEPTION)).append(" | ")
                    .append(share(r, o -> o == Outcome.TIMEOUT)).append(" |\n");
        }
        sb.append('\n').append(rates(rows, "κ(Σ)", t -> String.format(Locale.ROOT, "%.0e", t.key().kappa())));
        sb.append('\n').append(rates(rows, "n", t -> Integer.toString(t.key().n())));
        return sb.toString();
    }

    private static String rates(List<TrialRecord> rows, String what, Function<TrialRecord, String> key) {
        Set<String> keys = new LinkedHashSet<>();
        rows.stream().sorted(java.util.Comparator.comparingDouble(t -> what.equals("n") ? t.key().n() : t.key().kappa()))
                .forEach(t -> keys.add(key.apply(t)));
        StringBuilder sb = new StringBuilder("### Silent failures by " + what + " (silent share / OK share)\n\n| solver |");
        keys.forEach(k -> sb.append(' ').append(what).append(" = ").append(k).append(" |"));
        sb.append("\n|---|");
        keys.forEach(k -> sb.append("---|"));
        sb.append('\n');
        for (Map.Entry<String, List<TrialRecord>> e : group(rows, r -> r.key().solver()).entrySet()) {
            sb.append("| ").append(e.getKey()).append(" |");
            for (String k : keys) {
                List<TrialRecord> r = e.getValue().stream().filter(t -> t.judgement().outcome().isApplicable()
                        && key.apply(t).equals(k)).toList();
                sb.append(' ').append(r.isEmpty() ? "" : share(r, Outcome::isSilentFailure) + " / "
                        + share(r, o -> o == Outcome.OK)).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String share(List<TrialRecord> r, java.util.function.Predicate<Outcome> p) {
        if (r.isEmpty()) {
            return "–";
        }
        long k = r.stream().filter(t -> p.test(t.judgement().outcome())).count();
        return String.format(Locale.ROOT, "%.0f%%", 100.0 * k / r.size());
    }

    private static <T> Map<String, List<T>> group(List<T> items, Function<T, String> key) {
        Map<String, List<T>> m = new LinkedHashMap<>();
        for (T t : items) {
            m.computeIfAbsent(key.apply(t), k -> new ArrayList<>()).add(t);
        }
        return m;
    }

    static String seconds(double s) {
        if (s >= 1) {
            return String.format(Locale.ROOT, "%.2f s", s);
        }
        if (s >= 1e-3) {
            return String.format(Locale.ROOT, "%.2f ms", s * 1e3);
        }
        return String.format(Locale.ROOT, "%.1f µs", s * 1e6);
    }

    private static String x(double r) {
        return r >= 10 ? String.format(Locale.ROOT, "%.0f×", r) : String.format(Locale.ROOT, "%.2f×", r);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static String quote(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
