package io.paritybench.harness.sweep;

import io.paritybench.core.env.Machine;
import java.lang.management.ManagementFactory;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where results were produced, recorded beside them: CPU model and cores, memory, operating system, JVM and its
 * flags (the sweep's and the workers'), the git commit, and the time. Everything that could explain a difference
 * between two result files. The machine is read by {@link Machine}, the capture the timing report shares.
 */
public final class Environment {

    /** The numerical and output libraries whose versions can change results or their presentation. */
    private static final List<String> LIBRARIES = List.of("org.ojalgo/ojalgo", "org.hipparchus/hipparchus-core",
            "org.hipparchus/hipparchus-optim", "org.apache.commons/commons-csv", "org.knowm.xchart/xchart",
            "com.fasterxml.jackson.core/jackson-databind");

    private Environment() {
    }

    /** @return the environment of this process, with the workers' JVM flags */
    public static Map<String, Object> capture(List<String> workerJvmArgs) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("recorded", OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        env.put("cpu", Machine.cpuInfo("model name"));
        env.put("cpu_mhz", Machine.cpuInfo("cpu MHz"));
        env.put("cpu_cache", Machine.cpuInfo("cache size"));
        env.put("cores", Runtime.getRuntime().availableProcessors());
        long mem = Machine.memoryTotalBytes();
        env.put("memory_total_mb", mem < 0 ? -1 : mem / (1024 * 1024));
        env.put("os", Machine.os());
        env.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version") + " ("
                + System.getProperty("java.vm.vendor") + ")");
        env.put("java_home", System.getProperty("java.home"));
        env.put("jvm_flags", ManagementFactory.getRuntimeMXBean().getInputArguments());
        env.put("worker_jvm_flags", workerJvmArgs);
        env.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        env.put("git_commit", Machine.git("rev-parse", "HEAD"));
        String dirty = Machine.git("status", "--porcelain", "--untracked-files=no");
        env.put("git_dirty", dirty.equals(Machine.UNKNOWN) ? Machine.UNKNOWN : Boolean.toString(!dirty.isEmpty()));
        env.put("paritybench_version", version());
        env.put("libraries", libraries());
        return env;
    }

    /** @return library versions from their {@code pom.properties} (EJML and picocli from their version constants) */
    static Map<String, String> libraries() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("ejml", org.ejml.EjmlVersion.VERSION);
        out.put("picocli", picocli.CommandLine.VERSION);
        out.putAll(Machine.libraries(LIBRARIES));
        return out;
    }

    private static String version() {
        String v = Environment.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
