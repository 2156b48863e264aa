package io.paritybench.harness.sweep;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.paritybench.core.env.Machine;
import java.lang.management.ManagementFactory;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where results were produced, recorded beside them: CPU model and cores, memory, operating system, JVM and its
 * flags (the sweep's and the workers'), the git commit, and the time. Everything that could explain a difference
 * between two result files. The machine is read by {@link Machine}, the capture the timing report shares. Written
 * and read through Jackson databind as the {@code environment} of a {@link RunInfo}, under the snake_case names
 * below; a field a file lacks is null, and fields this version does not know are ignored.
 *
 * @param recorded           ISO-8601 UTC time of the capture
 * @param cpu                CPU model name
 * @param cpuMhz             the CPU frequency the kernel reports
 * @param cpuCache           the cache size the kernel reports
 * @param cores              available processors
 * @param memoryTotalMb      total memory, MiB (-1 when unreadable)
 * @param os                 operating system, version and architecture
 * @param jvm                JVM name, version and vendor
 * @param javaHome           {@code java.home}
 * @param jvmFlags           this JVM's input arguments
 * @param workerJvmFlags     the worker JVMs' flags
 * @param maxHeapMb          this JVM's maximum heap, MiB
 * @param gitCommit          HEAD of the checkout
 * @param gitDirty           {@code true}, {@code false}, or {@link Machine#UNKNOWN}
 * @param paritybenchVersion the project's version
 * @param libraries          library → version, of the libraries that can change results or their presentation
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"recorded", "cpu", "cpu_mhz", "cpu_cache", "cores", "memory_total_mb", "os", "jvm", "java_home",
    "jvm_flags", "worker_jvm_flags", "max_heap_mb", "git_commit", "git_dirty", "paritybench_version", "libraries"})
public record Environment(String recorded, String cpu,
                          @JsonProperty("cpu_mhz") String cpuMhz,
                          @JsonProperty("cpu_cache") String cpuCache,
                          Integer cores,
                          @JsonProperty("memory_total_mb") Long memoryTotalMb,
                          String os, String jvm,
                          @JsonProperty("java_home") String javaHome,
                          @JsonProperty("jvm_flags") List<String> jvmFlags,
                          @JsonProperty("worker_jvm_flags") List<String> workerJvmFlags,
                          @JsonProperty("max_heap_mb") Long maxHeapMb,
                          @JsonProperty("git_commit") String gitCommit,
                          @JsonProperty("git_dirty") String gitDirty,
                          @JsonProperty("paritybench_version") String paritybenchVersion,
                          Map<String, String> libraries) {

    /** The numerical and output libraries whose versions can change results or their presentation. */
    private static final List<String> LIBRARIES = List.of("org.ojalgo/ojalgo", "org.hipparchus/hipparchus-core",
            "org.hipparchus/hipparchus-optim", "org.apache.commons/commons-csv", "org.knowm.xchart/xchart",
            "com.fasterxml.jackson.core/jackson-databind");

    public Environment {
        jvmFlags = jvmFlags == null ? null : List.copyOf(jvmFlags);
        workerJvmFlags = workerJvmFlags == null ? null : List.copyOf(workerJvmFlags);
        libraries = libraries == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(libraries));
    }

    /** One line of the environment as presented in a report: its JSON name and its value as text. */
    public record Field(String name, String text) {
    }

    /** @return the environment of this process, with the workers' JVM flags */
    public static Environment capture(List<String> workerJvmArgs) {
        long mem = Machine.memoryTotalBytes();
        String dirty = Machine.git("status", "--porcelain", "--untracked-files=no");
        return new Environment(OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                Machine.cpuInfo("model name"), Machine.cpuInfo("cpu MHz"), Machine.cpuInfo("cache size"),
                Runtime.getRuntime().availableProcessors(), mem < 0 ? -1 : mem / (1024 * 1024), Machine.os(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version") + " ("
                        + System.getProperty("java.vm.vendor") + ")",
                System.getProperty("java.home"), ManagementFactory.getRuntimeMXBean().getInputArguments(),
                workerJvmArgs, Runtime.getRuntime().maxMemory() / (1024 * 1024), Machine.git("rev-parse", "HEAD"),
                dirty.equals(Machine.UNKNOWN) ? Machine.UNKNOWN : Boolean.toString(!dirty.isEmpty()), version(),
                installedLibraries());
    }

    /** @return an environment with only the CPU and the core count (for tests and hand-made files) */
    public static Environment of(String cpu, int cores) {
        return new Environment(null, cpu, null, null, cores, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    /** @return the fields that are set, in the file's order, for a report's environment table */
    public List<Field> fields() {
        List<Field> out = new ArrayList<>();
        add(out, "recorded", recorded);
        add(out, "cpu", cpu);
        add(out, "cpu_mhz", cpuMhz);
        add(out, "cpu_cache", cpuCache);
        add(out, "cores", cores);
        add(out, "memory_total_mb", memoryTotalMb);
        add(out, "os", os);
        add(out, "jvm", jvm);
        add(out, "java_home", javaHome);
        add(out, "jvm_flags", jvmFlags);
        add(out, "worker_jvm_flags", workerJvmFlags);
        add(out, "max_heap_mb", maxHeapMb);
        add(out, "git_commit", gitCommit);
        add(out, "git_dirty", gitDirty);
        add(out, "paritybench_version", paritybenchVersion);
        add(out, "libraries", libraries);
        return out;
    }

    private static void add(List<Field> out, String name, Object value) {
        if (value != null) {
            out.add(new Field(name, String.valueOf(value)));
        }
    }

    /** @return library versions from their {@code pom.properties} (EJML and picocli from their version constants) */
    static Map<String, String> installedLibraries() {
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
