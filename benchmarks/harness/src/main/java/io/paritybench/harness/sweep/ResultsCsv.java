package io.paritybench.harness.sweep;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The results file: one CSV row per trial ({@link TrialRecord}), with a header; columns are written in the order
 * of {@link #COLUMNS} and read by their header name. Doubles are written with
 * {@link Double#toString} (they read back bit for bit), times with microsecond resolution. Rows are appended and
 * flushed one by one as trials finish, so an interrupted sweep loses at most the row being written; reading is
 * lenient about such a torn last row (see {@link #read}).
 */
public final class ResultsCsv {

    /** The columns, in file order. */
    public static final List<String> COLUMNS = List.of("key", "stage", "ordinal", "solver", "problem", "family", "n",
            "kappa", "budgets", "measure", "seed", "rho", "vol_ratio", "kappa_sigma", "kappa_w", "canc", "rrc_floor", "b_min",
            "ref_kind", "ref_crosscheck", "tolerance", "w_allowed", "outcome", "status", "iterations", "time_ms",
            "rrc_abs", "rrc_rel", "w_rel", "sum_err", "at_floor", "solver_residual", "message",
            "solver_ms");

    /**
     * The columns a file may lack, with the value they read as: those added after the first results files were
     * written (a missing measure is volatility; missing figures are NaN; a missing message is empty).
     */
    static final java.util.Map<String, String> OPTIONAL = java.util.Map.of("measure", "volatility", "b_min", "",
            "ref_crosscheck", "", "w_allowed", "", "solver_residual", "", "kappa_w", "", "canc", "", "rrc_floor", "",
            "message", "", "solver_ms", "");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').build();

    private ResultsCsv() {
    }

    /**
     * The rows of a file and how many torn or malformed rows were dropped.
     *
     * @param firstBad the first dropped row ("line L: problem"), or null when none was
     */
    public record Contents(List<TrialRecord> rows, int dropped, String firstBad) {
        public Contents(List<TrialRecord> rows, int dropped) {
            this(rows, dropped, null);
        }
    }

    /**
     * Reads a results file. A row that does not parse, and a last row without its line end (torn by an
     * interruption: rows are written whole, line end included, so only the last one can be torn), is dropped and
     * counted. Columns are found by their header name, in any order ({@link Header}); a file without one of the
     * required columns is rejected.
     */
    public static Contents read(Path file) {
        Contents c = parseAll(file);
        if (!c.rows().isEmpty() && !endsWithLineEnd(file) && lastLineParsed(file, c)) {
            List<TrialRecord> rows = new ArrayList<>(c.rows());
            rows.remove(rows.size() - 1);
            return new Contents(rows, c.dropped() + 1, c.firstBad() != null ? c.firstBad()
                    : "last line: torn row (no line end)");
        }
        return c;
    }

    private static boolean endsWithLineEnd(Path file) {
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "r")) {
            long len = f.length();
            if (len == 0) {
                return true;
            }
            f.seek(len - 1);
            return f.read() == '\n';
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** @return whether the last parsed row is the file's last line (and not an earlier row before a torn one) */
    private static boolean lastLineParsed(Path file, Contents c) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String last = lines.get(lines.size() - 1);
            return last.startsWith(csvField(c.rows().get(c.rows().size() - 1).key().id()));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static String csvField(String s) {
        return FORMAT.format(s);
    }

    private static Contents parseAll(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = FORMAT.parse(r)) {
            List<TrialRecord> rows = new ArrayList<>();
            int dropped = 0;
            String firstBad = null;
            boolean header = true;
            Header columns = null;
            for (CSVRecord rec : p) {
                if (header) {
                    header = false;
                    columns = Header.of(file, rec.toList());
                    continue;
                }
                try {
                    rows.add(parse(columns, rec));
                } catch (RuntimeException e) {
                    if (firstBad == null) {
                        firstBad = "line " + p.getCurrentLineNumber() + ": " + e.getMessage();
                    }
                    dropped++;
                }
            }
            return new Contents(rows, dropped, firstBad);
        } catch (IOException | UncheckedIOException e) {
            // A torn quoted field at the end makes the parser fail; salvage the complete lines.
            return readLineByLine(file);
        }
    }

    private static Contents readLineByLine(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<TrialRecord> rows = new ArrayList<>();
            int dropped = 0;
            String firstBad = null;
            if (lines.isEmpty()) {
                return new Contents(rows, 0);
            }
            Header columns;
            try (CSVParser p = FORMAT.parse(new java.io.StringReader(lines.get(0)))) {
                columns = Header.of(file, p.getRecords().get(0).toList());
            }
            for (int i = 1; i < lines.size(); i++) {
                try (CSVParser p = FORMAT.parse(new java.io.StringReader(lines.get(i)))) {
                    List<CSVRecord> recs = p.getRecords();
                    if (recs.size() != 1) {
                        throw new IllegalArgumentException("not one row");
                    }
                    rows.add(parse(columns, recs.get(0)));
                } catch (IOException | RuntimeException e) {
                    if (firstBad == null) {
                        firstBad = "line " + (i + 1) + ": " + e.getMessage();
                    }
                    dropped++;
                }
            }
            return new Contents(rows, dropped, firstBad);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Writes a complete file (header and rows) atomically: to a temporary file, then renamed. */
    public static void writeAll(Path file, List<TrialRecord> rows) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                 CSVPrinter out = new CSVPrinter(w, FORMAT)) {
                out.printRecord(COLUMNS);
                for (TrialRecord r : rows) {
                    out.printRecord(values(r));
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    /** Appends rows to a results file as they come, flushing each; thread-safe. */
    public static final class Appender implements AutoCloseable {
        private final CSVPrinter out;

        /** Opens a file for appending, writing the header first if the file is new or empty. */
        public Appender(Path file) {
            try {
                Path dir = file.toAbsolutePath().getParent();
                Files.createDirectories(dir);
                boolean fresh = !Files.exists(file) || Files.size(file) == 0;
                if (!fresh && !headerOf(file).equals(COLUMNS)) {
                    // an older or reordered file: rewrite it in the current layout before appending
                    writeAll(file, read(file).rows());
                }
                Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                out = new CSVPrinter(w, FORMAT);
                if (fresh) {
                    out.printRecord(COLUMNS);
                    out.flush();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": cannot open for writing: " + e.getMessage(), e);
            }
        }

        /** Writes one row and flushes it to the file. */
        public synchronized void append(TrialRecord r) {
            try {
                out.printRecord(values(r));
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write a result row: " + e.getMessage(), e);
            }
        }

        @Override
        public synchronized void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static List<String> headerOf(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser p = FORMAT.parse(r)) {
            java.util.Iterator<CSVRecord> it = p.iterator();
            return it.hasNext() ? it.next().toList() : List.of();
        } catch (UncheckedIOException e) {
            return List.of();
        }
    }

    static List<String> values(TrialRecord r) {
        TrialRecord.Key k = r.key();
        TrialRecord.Facts f = r.facts();
        TrialRecord.Result s = r.result();
        TrialRecord.Judgement j = r.judgement();
        return List.of(k.id(), k.stage().label(), Long.toString(k.ordinal()), k.solver(), k.problem(), k.family(),
                Integer.toString(k.n()), num(k.kappa()), k.budgets(), k.measure(),
                k.seed() < 0 ? "" : Long.toString(k.seed()), num(k.rho()), num(k.volRatio()),
                num(f.kappaSigma()), num(f.kappaW()), num(f.cancellation()), num(f.rrcFloor()), num(f.budgetMin()),
                r.reference().kind().label(), num(r.reference().crossCheck()),
                num(j.tolerance()), num(j.weightAllowance()), j.outcome().name(),
                s.status() == null ? "" : s.status().name(), Integer.toString(s.iterations()),
                Double.isNaN(s.timeMs()) ? "" : String.format(Locale.ROOT, "%.3f", s.timeMs()),
                num(j.rrcAbs()), num(j.rrcRel()), num(j.wRel()), num(j.sumErr()), Boolean.toString(j.atFloor()),
                num(s.solverResidual()), j.message(), num(s.solverMs()));
    }

    /**
     * The columns of a file's header by name. Every column of {@link #COLUMNS} is required except those in
     * {@link #OPTIONAL}, which files written before they existed lack (they read as their default); columns this
     * version does not know are ignored, so a file written by a later version still reads.
     */
    private record Header(java.util.Map<String, Integer> index) {
        static Header of(Path file, List<String> names) {
            java.util.Map<String, Integer> index = new java.util.HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                index.putIfAbsent(names.get(i).strip(), i);
            }
            List<String> missing = COLUMNS.stream().filter(c -> !index.containsKey(c) && !OPTIONAL.containsKey(c))
                    .toList();
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException(file + ": not a sweep results file (its header lacks the column"
                        + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing) + ")");
            }
            return new Header(index);
        }

        String get(CSVRecord c, String column) {
            Integer i = index.get(column);
            if (i == null) {
                return OPTIONAL.get(column);
            }
            if (i >= c.size()) {
                throw new IllegalArgumentException("row has " + c.size() + " fields, no column " + column);
            }
            return c.get(i);
        }
    }

    private static TrialRecord parse(Header h, CSVRecord c) {
        if (c.size() != h.index().size()) {
            throw new IllegalArgumentException("row has " + c.size() + " fields, the header " + h.index().size());
        }
        String seedText = h.get(c, "seed");
        String atFloor = h.get(c, "at_floor");
        if (!atFloor.equals("true") && !atFloor.equals("false")) {
            throw new IllegalArgumentException("at_floor is '" + atFloor + "'");
        }
        TrialRecord.Key key = new TrialRecord.Key(h.get(c, "key"), Stage.of(h.get(c, "stage")),
                Long.parseLong(h.get(c, "ordinal")), h.get(c, "solver"), h.get(c, "problem"), h.get(c, "family"),
                Integer.parseInt(h.get(c, "n")), dbl(h.get(c, "kappa")), h.get(c, "budgets"), h.get(c, "measure"),
                seedText.isEmpty() ? -1 : Long.parseLong(seedText), dbl(h.get(c, "rho")), dbl(h.get(c, "vol_ratio")));
        TrialRecord.Facts facts = new TrialRecord.Facts(dbl(h.get(c, "kappa_sigma")), dbl(h.get(c, "kappa_w")),
                dbl(h.get(c, "canc")), dbl(h.get(c, "rrc_floor")), dbl(h.get(c, "b_min")));
        TrialRecord.Reference reference = new TrialRecord.Reference(
                ProblemReference.Kind.ofLabel(h.get(c, "ref_kind")), dbl(h.get(c, "ref_crosscheck")));
        TrialRecord.Result result = new TrialRecord.Result(status(h.get(c, "status")),
                Integer.parseInt(h.get(c, "iterations")), dbl(h.get(c, "time_ms")), dbl(h.get(c, "solver_residual")),
                dbl(h.get(c, "solver_ms")));
        TrialRecord.Judgement judgement = new TrialRecord.Judgement(dbl(h.get(c, "tolerance")),
                dbl(h.get(c, "w_allowed")), Outcome.valueOf(h.get(c, "outcome")), dbl(h.get(c, "rrc_abs")),
                dbl(h.get(c, "rrc_rel")), dbl(h.get(c, "w_rel")), dbl(h.get(c, "sum_err")),
                Boolean.parseBoolean(atFloor), h.get(c, "message"));
        return new TrialRecord(key, facts, reference, result, judgement);
    }

    private static io.paritybench.core.SolveStatus status(String s) {
        return s.isEmpty() ? null : io.paritybench.core.SolveStatus.valueOf(s);
    }

    private static String num(double v) {
        return Double.toString(v);
    }

    private static double dbl(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }
}
