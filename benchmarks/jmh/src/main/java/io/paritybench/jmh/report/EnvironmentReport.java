package io.paritybench.jmh.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Writes {@code environment.md}: the machine, the OS, the benchmark JVM and its options (from the JMH JSON), the
 * libraries in the benchmark jar (from their {@code pom.properties}), the git commit and the command.
 *
 * <pre>
 * java -cp benchmarks.jar io.paritybench.jmh.report.EnvironmentReport --jmh results/jmh/default.json \
 *      --out results/environment.md [--commit SHA] [--command TEXT] [--host-flags TEXT] [--load-before TEXT]
 * </pre>
 */
public final class EnvironmentReport {

    private static final Set<String> OPTIONS = Set.of("jmh", "out", "commit", "command", "host-flags", "load-before",
            "date");

    private EnvironmentReport() {
    }

    public static void main(String[] args) throws IOException {
        Arguments a;
        try {
            a = Arguments.parse(args, OPTIONS);
            a.require("out");
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: EnvironmentReport --out FILE.md [--jmh FILE.json] [--commit SHA] [--command TEXT]"
                    + " [--host-flags TEXT] [--load-before TEXT] [--date TEXT]");
            System.exit(2);
            return;
        }
        String jmh = a.get("jmh", null);
        JsonNode first = null;
        if (jmh != null && Files.exists(Path.of(jmh))) {
            JsonNode root = new ObjectMapper().readTree(Path.of(jmh).toFile());
            if (root != null && root.isArray() && root.size() > 0) {
                first = root.get(0);
            }
        }
        Path out = Path.of(a.require("out"));
        Path dir = out.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Files.writeString(out, render(a, first), StandardCharsets.UTF_8);
        System.err.println("environment -> " + out);
    }

    private static String render(Arguments a, JsonNode jmh) {
        StringBuilder md = new StringBuilder("# Benchmark environment\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "date", a.get("date", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
        row(md, "git commit", a.get("commit", "(not recorded)"));
        row(md, "command", "`" + a.get("command", "(not recorded)") + "`");
        row(md, "CPU", cpuModel());
        row(md, "cores", Runtime.getRuntime().availableProcessors() + " logical CPUs available to the JVM"
                + physicalCores());
        row(md, "CPU frequency governor", firstLine(Path.of("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor"),
                "(not exposed)"));
        row(md, "memory", memory());
        row(md, "OS", osRelease() + " (" + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", "
                + System.getProperty("os.arch") + ")");
        row(md, "load average before the run", a.get("load-before", "(not recorded)"));
        row(md, "load average after the run", firstLine(Path.of("/proc/loadavg"), "(not exposed)"));
        if (jmh != null) {
            row(md, "benchmark JVM", jmh.path("vmName").asText() + " " + jmh.path("vmVersion").asText() + ", JDK "
                    + jmh.path("jdkVersion").asText() + " (`" + jmh.path("jvm").asText() + "`)");
            List<String> flags = new ArrayList<>();
            for (JsonNode f : jmh.path("jvmArgs")) {
                flags.add(f.asText());
            }
            row(md, "benchmark JVM options (forks)", flags.isEmpty() ? "(none)" : "`" + String.join(" ", flags) + "`");
            row(md, "JMH", jmh.path("jmhVersion").asText());
        }
        row(md, "JVM vendor", System.getProperty("java.vm.vendor") + " (" + System.getProperty("java.vendor") + "), "
                + System.getProperty("java.runtime.version") + ", `" + System.getProperty("java.home")
                + "` (the JVM that wrote this file)");
        row(md, "host JVM options", a.get("host-flags", String.join(" ",
                ManagementFactory.getRuntimeMXBean().getInputArguments())));
        md.append("\n## Library versions the build was configured with\n\n| library | version |\n|---|---|\n");
        for (String[] kv : configuredVersions()) {
            md.append("| ").append(kv[0]).append(" | ").append(kv[1]).append(" |\n");
        }
        md.append("\n## Maven artifacts in benchmarks.jar\n\n");
        List<String> libs = libraries();
        if (libs.isEmpty()) {
            md.append("(not found: the report was not run from the shaded jar)\n");
        } else {
            md.append("| group | artifact | version |\n|---|---|---|\n");
            for (String l : libs) {
                String[] p = l.split(":", 3);
                md.append("| ").append(p[0]).append(" | ").append(p[1]).append(" | ").append(p[2]).append(" |\n");
            }
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String key, String value) {
        md.append("| ").append(key).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux: fall through
        }
        String env = System.getenv("PROCESSOR_IDENTIFIER");
        return env != null ? env : System.getProperty("os.arch") + " (model not exposed)";
    }

    private static String physicalCores() {
        try {
            Set<String> cores = new HashSet<>();
            String physical = "0";
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("physical id")) {
                    physical = line.substring(line.indexOf(':') + 1).trim();
                } else if (line.startsWith("core id")) {
                    cores.add(physical + "/" + line.substring(line.indexOf(':') + 1).trim());
                }
            }
            return cores.isEmpty() ? "" : ", " + cores.size() + " physical cores";
        } catch (IOException e) {
            return "";
        }
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall through
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return String.format(Locale.ROOT, "%.1f GiB", os.getTotalMemorySize() / 1024.0 / 1024.0 / 1024.0);
        }
        return "(not exposed)";
    }

    private static String osRelease() {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
                if (line.startsWith("PRETTY_NAME=")) {
                    return line.substring("PRETTY_NAME=".length()).replace("\"", "");
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return System.getProperty("os.name");
    }

    private static String firstLine(Path p, String fallback) {
        try {
            List<String> lines = Files.readAllLines(p);
            return lines.isEmpty() ? fallback : lines.get(0).trim();
        } catch (IOException e) {
            return fallback;
        }
    }

    /** @return (library, version) pairs of the build, from the filtered {@code versions.properties} */
    static List<String[]> configuredVersions() {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = EnvironmentReport.class.getResourceAsStream("/io/paritybench/jmh/versions.properties")) {
            if (in == null) {
                return out;
            }
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            for (String line : lines) {
                int eq = line.indexOf('=');
                if (!line.startsWith("#") && eq > 0) {
                    out.add(new String[] {line.substring(0, eq).trim(), line.substring(eq + 1).trim()});
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** @return {@code group:artifact:version} of every Maven artifact packed into the jar this class runs from */
    static List<String> libraries() {
        Set<String> out = new TreeSet<>();
        Path jar;
        try {
            jar = Path.of(EnvironmentReport.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException | SecurityException e) {
            return List.of();
        }
        if (!Files.isRegularFile(jar)) {
            return List.of();
        }
        try (JarFile jf = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = jf.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                if (e.getName().startsWith("META-INF/maven/") && e.getName().endsWith("/pom.properties")) {
                    Properties p = new Properties();
                    try (InputStream in = jf.getInputStream(e)) {
                        p.load(in);
                    }
                    out.add(p.getProperty("groupId") + ":" + p.getProperty("artifactId") + ":"
                            + p.getProperty("version"));
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return new ArrayList<>(out);
    }
}
