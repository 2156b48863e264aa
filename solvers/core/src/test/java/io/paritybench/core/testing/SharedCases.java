package io.paritybench.core.testing;

import io.paritybench.core.cases.CaseData;
import io.paritybench.core.cases.CaseFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The published reference cases, bundled as test resources under {@code /cases/<name>/} (listed in
 * {@code /cases/index.txt}) and shipped in this module's test-jar so every solver module's tests can use them.
 */
public final class SharedCases {

    private static final List<CaseData> ALL = load();

    private SharedCases() {
    }

    /** @return every bundled case */
    public static List<CaseData> all() {
        return ALL;
    }

    /** @return the bundled case with this name */
    public static CaseData byName(String name) {
        return ALL.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no bundled case " + name));
    }

    private static List<CaseData> load() {
        List<CaseData> cases = new ArrayList<>();
        for (String name : index()) {
            cases.add(CaseFiles.read(name, "classpath:/cases/" + name, f -> open("/cases/" + name + "/" + f)));
        }
        return List.copyOf(cases);
    }

    private static List<String> index() {
        try (InputStream in = open("/cases/index.txt")) {
            if (in == null) {
                throw new IllegalStateException("/cases/index.txt is missing from the test class path");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String resource) {
        return SharedCases.class.getResourceAsStream(resource);
    }
}
