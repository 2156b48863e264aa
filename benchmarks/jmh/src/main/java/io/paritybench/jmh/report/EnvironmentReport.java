package io.paritybench.jmh.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paritybench.core.env.Machine;
import io.paritybench.core.text.Numbers;
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
import java.util.concurrent.Callable;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes {@code environment.md}: the machine, the OS, the benchmark JVM and its options (from the JMH JSON), the
 * libraries in the benchmark jar (from their {@code pom.properties}), the git commit and the command.
 *
 * <pre>
 * java -cp benchmarks.jar io.paritybench.jmh.report.EnvironmentReport --jmh results/jmh/default.json \
 *      --out results/environment.md [--commit SHA] [--command TEXT] [--host-flags TEXT] [--load-before TEXT] \
 *      [--steal SHARE] [--jvm PATH]
 * </pre>
 */
@Command(name = "EnvironmentReport", mixinStandardHelpOptions = true,
        description = "Writes environment.md: machine, OS, benchmark JVM, libraries, commit and command.")
public final class EnvironmentReport implements Callable<Integer> {

    @Option(names = "--jmh", paramLabel = "FILE.json", description = "JMH JSON results (for the benchmark JVM)")
    private Path jmh;

    @Option(names = "--out", required = true, paramLabel = "FILE.md", description = "the file to write")
    private Path out;

    @Option(names = "--commit", defaultValue = "(not recorded)", description = "git commit")
    private String commit;

    @Option(names = "--command", defaultValue = "(not recorded)", description = "the command that ran JMH")
    private String command;

    @Option(names = "--host-flags", description = "options of the JMH host JVM")
    private String hostFlags;

    @Option(names = "--load-before", defaultValue = "(not recorded)", description = "/proc/loadavg at the start")
    private String loadBefore;

    @Option(names = "--steal", defaultValue = "NaN", description = "share of CPU time stolen over the run (0..1)")
    private double steal;

    @Option(names = "--jvm", defaultValue = "(default)", description = "the java executable the run was asked to use")
    private String jvm;

    @Option(names = "--date", description = "when the run started")
    private String date;

    private EnvironmentReport() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new EnvironmentReport()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        JsonNode first = null;
        if (jmh != null && Files.exists(jmh) && Files.size(jmh) > 0) {
            JsonNode root = new ObjectMapper().readTree(jmh.toFile());
            if (root != null && root.isArray() && root.size() > 0) {
                first = root.get(0);
            }
        }
        Path dir = out.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Files.writeString(out, render(first), StandardCharsets.UTF_8);
        System.err.println("environment -> " + out);
        return 0;
    }

    private String render(JsonNode jmh) {
        StringBuilder md = new StringBuilder("# Benchmark environment\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "date", date != null ? date : ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        row(md, "git commit", commit);
        row(md, "command", "`" + command + "`");
        row(md, "java asked for (`--jvm`)", jvm);
        row(md, "CPU", Machine.cpuModel());
        row(md, "cores", Runtime.getRuntime().availableProcessors() + " logical CPUs available to the JVM"
                + (Machine.physicalCores() > 0 ? ", " + Machine.physicalCores() + " physical cores" : ""));
        row(md, "CPU frequency governor", exposed(Machine.governor()));
        row(md, "memory", Machine.memoryTotalBytes() < 0 ? "(not exposed)"
                : String.format(Locale.ROOT, "%.1f GiB", Machine.memoryTotalBytes() / 1024.0 / 1024.0 / 1024.0));
        row(md, "OS", Machine.osRelease() + " (" + Machine.os() + ")");
        row(md, "turbo / boost", exposed(Machine.turbo()));
        row(md, "load average before the run", loadBefore);
        row(md, "load average after the run", Machine.firstLine(Path.of("/proc/loadavg"), "(not exposed)"));
        row(md, "CPU time stolen over the run", Double.isNaN(steal) ? "(not exposed)" : Numbers.percent(steal));
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
        row(md, "host JVM options", hostFlags != null ? hostFlags : String.join(" ",
                ManagementFactory.getRuntimeMXBean().getInputArguments()));
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

    private static String exposed(String v) {
        return Machine.UNKNOWN.equals(v) ? "(not exposed)" : v;
    }

    private static void row(StringBuilder md, String key, String value) {
        md.append("| ").append(key).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
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
