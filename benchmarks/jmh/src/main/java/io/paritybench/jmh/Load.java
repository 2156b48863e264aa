package io.paritybench.jmh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What else the machine is doing: the 1-minute load average ({@code /proc/loadavg}) and the CPU time counters of
 * {@code /proc/stat} (total and steal jiffies), read at the start and the end of a trial so the report can give the
 * load and the steal share per configuration. Fields are NaN where the files are not readable (not Linux).
 *
 * @param load1        1-minute load average
 * @param totalJiffies sum of the {@code cpu} line of {@code /proc/stat}
 * @param stealJiffies its steal column (time the hypervisor gave to another guest)
 */
record Load(double load1, double totalJiffies, double stealJiffies) {

    /** @return the counters now */
    static Load now() {
        double load = Double.NaN;
        double total = Double.NaN;
        double steal = Double.NaN;
        try {
            String l = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim();
            load = Double.parseDouble(l.split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            // not exposed
        }
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/stat"), StandardCharsets.US_ASCII);
            String[] f = lines.get(0).trim().split("\\s+");
            if (f[0].equals("cpu")) {
                total = 0;
                for (int i = 1; i < f.length && i <= 8; i++) {
                    total += Double.parseDouble(f[i]);
                }
                steal = f.length > 8 ? Double.parseDouble(f[8]) : 0;
            }
        } catch (IOException | RuntimeException e) {
            // not exposed
        }
        return new Load(load, total, steal);
    }

    /** @return the share of CPU time stolen between {@code start} and this snapshot, NaN if unknown */
    double stealShareSince(Load start) {
        double dt = totalJiffies - start.totalJiffies;
        return dt > 0 ? (stealJiffies - start.stealJiffies) / dt : Double.NaN;
    }
}
