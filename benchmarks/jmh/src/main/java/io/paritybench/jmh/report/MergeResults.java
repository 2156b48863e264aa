package io.paritybench.jmh.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Concatenates JMH JSON result files (one per pass of {@code scripts/bench}) into one, so that a run is one file for
 * the report and for {@link Compare}. Missing or empty inputs (a pass that saved nothing) are skipped with a note.
 */
@Command(name = "MergeResults", mixinStandardHelpOptions = true, description = "Concatenates JMH JSON result files.")
public final class MergeResults implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "FILE.json", description = "the merged file")
    private Path out;

    @Parameters(paramLabel = "IN.json", description = "JMH JSON result files")
    private List<Path> inputs;

    private MergeResults() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new MergeResults()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ArrayNode all = json.createArrayNode();
        for (Path in : inputs) {
            if (!Files.isRegularFile(in) || Files.size(in) == 0) {
                System.err.println("MergeResults: " + in + " has no results; skipped");
                continue;
            }
            JsonNode root = json.readTree(in.toFile());
            if (root == null || !root.isArray()) {
                System.err.println("MergeResults: " + in + " is not a JMH JSON result array; skipped");
                continue;
            }
            root.forEach(all::add);
        }
        json.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), all);
        return all.isEmpty() ? 1 : 0;
    }
}
