package io.paritybench.harness.sweep;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where results were produced, recorded beside them: CPU model and cores, memory, operating system, JVM and its
 * flags (the sweep's and the workers'), the git commit, and the time. Everything that could explain a difference
 * between two result files.
 */
public final class Environment {

    private Environment() {
    }

    /** @return the environment of this process, with the workers' JVM flags */
    public static Map<String, Object> capture(List<String> workerJvmArgs) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("recorded", OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        env.put("cpu", cpuInfo("model name"));
        env.put("cpu_mhz", cpuInfo("cpu MHz"));
        env.put("cpu_cache", cpuInfo("cache size"));
        env.put("cores", Runtime.getRuntime().availableProcessors());
        env.put("memory_total_mb", memoryTotalMb());
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + ")");
        env.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version") + " ("
                + System.getProperty("java.vm.vendor") + ")");
        env.put("java_home", System.getProperty("java.home"));
        env.put("jvm_flags", ManagementFactory.getRuntimeMXBean().getInputArguments());
        env.put("worker_jvm_flags", workerJvmArgs);
        env.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        env.put("git_commit", git("rev-parse", "HEAD"));
        String dirty = git("status", "--porcelain", "--untracked-files=no");
        env.put("git_dirty", dirty.equals("unknown") ? "unknown" : Boolean.toString(!dirty.isEmpty()));
        env.put("paritybench_version", version());
        env.put("libraries", libraries());
        return env;
    }

    /** @return a field of the first processor in {@code /proc/cpuinfo}, or {@code unknown} */
    static String cpuInfo(String field) {
        Path info = Path.of("/proc/cpuinfo");
        if (Files.isReadable(info)) {
            try {
                for (String line : Files.readAllLines(info, StandardCharsets.UTF_8)) {
                    if (line.startsWith(field) && line.indexOf(':') > 0) {
                        return line.substring(line.indexOf(':') + 1).strip();
                    }
                }
            } catch (IOException e) {
                return "unknown";
            }
        }
        return "unknown";
    }

    /** The numerical and output libraries whose versions can change results or their presentation. */
    private static final List<String> LIBRARIES = List.of("org.ojalgo/ojalgo", "org.hipparchus/hipparchus-core",
            "org.hipparchus/hipparchus-optim", "org.apache.commons/commons-csv", "org.knowm.xchart/xchart",
            "com.fasterxml.jackson.core/jackson-databind");

    /** @return library versions from their {@code pom.properties} (EJML and picocli from their version constants) */
    static Map<String, String> libraries() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("ejml", org.ejml.EjmlVersion.VERSION);
        out.put("picocli", picocli.CommandLine.VERSION);
        for (String lib : LIBRARIES) {
            String artifact = lib.substring(lib.indexOf('/') + 1);
            try (java.io.InputStream in = Environment.class.getResourceAsStream("/META-INF/maven/" + lib
                    + "/pom.properties")) {
                if (in == null) {
                    out.put(artifact, "unknown");
                    continue;
                }
                java.util.Properties p = new java.util.Properties();
                p.load(in);
                out.put(artifact, p.getProperty("version", "unknown"));
            } catch (IOException e) {
                out.put(artifact, "unknown");
            }
        }
        return out;
    }

    static long memoryTotalMb() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getTotalMemorySize() / (1024 * 1024);
        }
        return -1;
    }

    private static String version() {
        String v = Environment.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }

    /** @return the trimmed output of a git command in the working directory, or {@code unknown} */
    static String git(String... args) {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add("git");
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return "unknown";
            }
            return new String(out, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
