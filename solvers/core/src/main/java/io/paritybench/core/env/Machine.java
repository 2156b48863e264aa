package io.paritybench.core.env;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The one capture of the machine a result was produced on, shared by the sweep's run info and the timing report's
 * {@code environment.md}: CPU model and cores, memory, operating system, frequency governor and turbo state, the git
 * commit, and the versions of the libraries on the class path. Every reader falls back to {@value #UNKNOWN} where the
 * information is not exposed (not Linux, no git).
 */
public final class Machine {

    /** Shown for what is not exposed. */
    public static final String UNKNOWN = "unknown";

    private Machine() {
    }

    /** @return a field of the first processor in {@code /proc/cpuinfo} (e.g. {@code model name}), or unknown */
    public static String cpuInfo(String field) {
        for (String line : lines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith(field) && line.indexOf(':') > 0) {
                return line.substring(line.indexOf(':') + 1).strip();
            }
        }
        return UNKNOWN;
    }

    /** @return the CPU model name, or the architecture when not exposed */
    public static String cpuModel() {
        String m = cpuInfo("model name");
        if (!m.equals(UNKNOWN)) {
            return m;
        }
        String env = System.getenv("PROCESSOR_IDENTIFIER");
        return env != null ? env : System.getProperty("os.arch") + " (model not exposed)";
    }

    /** @return the number of distinct (physical id, core id) pairs of {@code /proc/cpuinfo}, 0 if not exposed */
    public static int physicalCores() {
        Set<String> cores = new HashSet<>();
        String physical = "0";
        for (String line : lines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith("physical id")) {
                physical = line.substring(line.indexOf(':') + 1).trim();
            } else if (line.startsWith("core id")) {
                cores.add(physical + "/" + line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return cores.size();
    }

    /** @return total memory in bytes, −1 if not exposed */
    public static long memoryTotalBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return -1;
    }

    /** @return the distribution's name ({@code PRETTY_NAME} of {@code /etc/os-release}) or the OS name */
    public static String osRelease() {
        for (String line : lines(Path.of("/etc/os-release"))) {
            if (line.startsWith("PRETTY_NAME=")) {
                return line.substring("PRETTY_NAME=".length()).replace("\"", "");
            }
        }
        return System.getProperty("os.name");
    }

    /** @return e.g. {@code Linux 6.1.0 (amd64)} */
    public static String os() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + ")";
    }

    /** @return the frequency governor of CPU 0, or unknown */
    public static String governor() {
        return firstLine(Path.of("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor"), UNKNOWN);
    }

    /** @return the turbo state from intel_pstate's {@code no_turbo} or cpufreq's {@code boost}, or unknown */
    public static String turbo() {
        String noTurbo = firstLine(Path.of("/sys/devices/system/cpu/intel_pstate/no_turbo"), null);
        if (noTurbo != null) {
            return "0".equals(noTurbo) ? "on (intel_pstate no_turbo = 0)"
                    : "off (intel_pstate no_turbo = " + noTurbo + ")";
        }
        String boost = firstLine(Path.of("/sys/devices/system/cpu/cpufreq/boost"), null);
        if (boost != null) {
            return "1".equals(boost) ? "on (cpufreq boost = 1)" : "off (cpufreq boost = " + boost + ")";
        }
        return UNKNOWN;
    }

    /** @return the first line of a file, trimmed, or the fallback when it cannot be read or is empty */
    public static String firstLine(Path p, String fallback) {
        List<String> l = lines(p);
        return l.isEmpty() ? fallback : l.get(0).trim();
    }

    /** @return the trimmed output of a git command in the working directory, or unknown */
    public static String git(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return UNKNOWN;
            }
            return new String(out, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNKNOWN;
        }
    }

    /**
     * @param artifacts {@code group/artifact} names
     * @return artifact → version from their {@code META-INF/maven/.../pom.properties} on the class path (unknown
     *         where there is none)
     */
    public static Map<String, String> libraries(List<String> artifacts) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String lib : artifacts) {
            String artifact = lib.substring(lib.indexOf('/') + 1);
            try (InputStream in = Machine.class.getResourceAsStream("/META-INF/maven/" + lib + "/pom.properties")) {
                if (in == null) {
                    out.put(artifact, UNKNOWN);
                    continue;
                }
                Properties p = new Properties();
                p.load(in);
                out.put(artifact, p.getProperty("version", UNKNOWN));
            } catch (IOException e) {
                out.put(artifact, UNKNOWN);
            }
        }
        return out;
    }

    private static List<String> lines(Path p) {
        if (!Files.isReadable(p)) {
            return List.of();
        }
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
