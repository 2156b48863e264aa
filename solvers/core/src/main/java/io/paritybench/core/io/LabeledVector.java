package io.paritybench.core.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A vector read from CSV (budgets, initial weights, expected returns) with the asset names it was given under, if
 * any: a header row of names over one row of numbers, or a column of names beside a column of numbers.
 *
 * @param values the numbers, in file order
 * @param names  the asset name of each number, or null when the file matched by position
 * @param source the file, for messages
 */
public record LabeledVector(double[] values, List<String> names, String source) {
    public LabeledVector {
        names = names == null ? null : List.copyOf(names);
    }

    /** @return whether the numbers are labelled with asset names (and must be matched by name) */
    public boolean hasNames() {
        return names != null;
    }

    /**
     * @param assets the problem's asset names, in order
     * @param what   what the numbers are ("budgets", "initial weights", ...), for messages
     * @return the values in the order of {@code assets}: by name when the file names them, else by position
     * @throws CsvFormatException on a wrong length, or a missing, unknown or duplicate name
     */
    public double[] alignTo(List<String> assets, String what) {
        int n = assets.size();
        if (names == null) {
            if (values.length != n) {
                throw new CsvFormatException(source, what + " have " + values.length + " entries but the problem has "
                        + n + " assets");
            }
            return values.clone();
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            Integer prev = index.put(names.get(i), i);
            if (prev != null) {
                throw new CsvFormatException(source, "duplicate asset name '" + names.get(i) + "' (entries " + (prev + 1)
                        + " and " + (i + 1) + ")");
            }
        }
        double[] out = new double[n];
        List<String> missing = new ArrayList<>();
        Set<String> known = new HashSet<>(assets);
        for (int i = 0; i < n; i++) {
            Integer k = index.get(assets.get(i));
            if (k == null) {
                missing.add(assets.get(i));
            } else {
                out[i] = values[k];
            }
        }
        List<String> extra = new ArrayList<>();
        for (String s : names) {
            if (!known.contains(s)) {
                extra.add(s);
            }
        }
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw new CsvFormatException(source, what + " are matched to the covariance's assets by name: "
                    + (missing.isEmpty() ? "" : "missing " + list(missing))
                    + (!missing.isEmpty() && !extra.isEmpty() ? "; " : "")
                    + (extra.isEmpty() ? "" : "unknown " + list(extra))
                    + " (the covariance's assets are " + list(assets) + ")");
        }
        return out;
    }

    private static String list(List<String> names) {
        int shown = Math.min(names.size(), 5);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < shown; i++) {
            s.append(i == 0 ? "" : ", ").append('\'').append(names.get(i)).append('\'');
        }
        return names.size() > shown ? s + ", ... (" + names.size() + " in all)" : s.toString();
    }
}
