import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares two sweep result CSVs trial by trial (rows matched by the {@code key} column), ignoring the timing
 * column {@code time_ms}. Exit 0 when they agree, 1 with the first differences listed otherwise.
 *
 * <pre>java scripts/slurm/CompareTrials.java A.csv B.csv</pre>
 */
public final class CompareTrials {

    private static final Set<String> IGNORED = Set.of("time_ms");

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java CompareTrials.java A.csv B.csv");
            System.exit(2);
        }
        List<List<String>> a = parse(Path.of(args[0]));
        List<List<String>> b = parse(Path.of(args[1]));
        if (!a.get(0).equals(b.get(0))) {
            System.err.println("headers differ:\n  " + a.get(0) + "\n  " + b.get(0));
            System.exit(1);
        }
        List<String> header = a.get(0);
        int key = header.indexOf("key");
        TreeMap<String, List<String>> ra = byKey(a, key);
        TreeMap<String, List<String>> rb = byKey(b, key);
        int differences = 0;
        if (!ra.keySet().equals(rb.keySet())) {
            System.err.println("trial sets differ: " + ra.size() + " vs " + rb.size() + " trials");
            differences++;
        }
        for (String k : ra.keySet()) {
            List<String> x = ra.get(k);
            List<String> y = rb.get(k);
            if (y == null) {
                continue;
            }
            for (int c = 0; c < header.size(); c++) {
                if (!IGNORED.contains(header.get(c)) && !x.get(c).equals(y.get(c))) {
                    if (differences++ < 10) {
                        System.err.println("trial " + k + ", " + header.get(c) + ": '" + x.get(c) + "' vs '" + y.get(c) + "'");
                    }
                }
            }
        }
        if (differences > 0) {
            System.err.println(differences + " difference(s)");
            System.exit(1);
        }
        System.out.println("identical: " + ra.size() + " trials (ignoring time_ms)");
    }

    private static TreeMap<String, List<String>> byKey(List<List<String>> rows, int key) {
        TreeMap<String, List<String>> m = new TreeMap<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            if (m.put(r.get(key), r) != null) {
                System.err.println("duplicate trial " + r.get(key));
                System.exit(1);
            }
        }
        return m;
    }

    /** RFC 4180: fields separated by commas, optionally quoted with "" escaping a quote. */
    static List<List<String>> parse(Path file) throws IOException {
        String s = Files.readString(file);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    f.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(f.toString());
                f.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(f.toString());
                f.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                f.append(ch);
            }
        }
        if (f.length() > 0 || !row.isEmpty()) {
            row.add(f.toString());
            rows.add(row);
        }
        return rows;
    }
}
