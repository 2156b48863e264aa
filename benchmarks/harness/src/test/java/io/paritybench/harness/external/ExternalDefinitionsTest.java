package io.paritybench.harness.external;

import io.paritybench.harness.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExternalDefinitionsTest {

    @TempDir
    Path tmp;

    private int files;

    private Path defs(String text) throws IOException {
        Path f = tmp.resolve(++files + "/solvers.defs");
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    @Test
    void readsOneSolverPerLineSkippingCommentsAndBlankLines() throws IOException {
        List<ExternalDefinition> d = ExternalDefinitions.read(defs("# peers\n\nr-nn: Rscript a.R {cov} {out}\n"
                + "  js-ccd :  node b.js {budgets} {tol}\n"));

        assertThat(d).extracting(ExternalDefinition::id).containsExactly("r-nn", "js-ccd");
        assertThat(d.get(1).line()).isEqualTo(4);
        assertThat(d.get(1).template().text()).isEqualTo("node b.js {budgets} {tol}");
        assertThat(d.get(0).workingDirectory()).isEqualTo(tmp.resolve("1").toAbsolutePath().normalize());
    }

    @Test
    void badLinesAreOneLineErrorsWithFileAndLine() throws IOException {
        Path builtIn = defs("# x\nnewton: echo\n");
        Path twice = defs("a: echo\na: echo\n");
        assertThatThrownBy(() -> ExternalDefinitions.read(builtIn)).isInstanceOf(InputException.class)
                .hasMessageContaining("solvers.defs:2").hasMessageContaining("built-in");
        assertThatThrownBy(() -> ExternalDefinitions.read(twice)).hasMessageContaining("solvers.defs:2")
                .hasMessageContaining("already defined on line 1");
        Path unknown = defs("a: run {covariance}\n");
        assertThatThrownBy(() -> ExternalDefinitions.read(unknown)).hasMessageContaining("solvers.defs:1")
                .hasMessageContaining("unknown placeholder {covariance}");
        Path noColon = defs("just a command\n");
        assertThatThrownBy(() -> ExternalDefinitions.read(noColon)).hasMessageContaining("solvers.defs:1")
                .hasMessageContaining("ID: COMMAND TEMPLATE");
        Path empty = defs("# nothing\n");
        assertThatThrownBy(() -> ExternalDefinitions.read(empty)).hasMessageContaining("defines no external solver");
        assertThatThrownBy(() -> ExternalDefinitions.read(tmp.resolve("missing.defs")))
                .hasMessageContaining("missing.defs").hasMessageContaining("no such file");
    }

    @Test
    void placeholdersAreShellQuotedAndShellVariablesAreLeftAlone() {
        CommandTemplate t = CommandTemplate.parse("R_LIBS=${HOME}/lib run {cov} --init {init} -n {n}");

        assertThat(t.substitute(Map.of("cov", "/tmp/a b/it's.csv", "init", "", "n", "3")))
                .isEqualTo("R_LIBS=${HOME}/lib run '/tmp/a b/it'\"'\"'s.csv' --init '' -n '3'");
    }
}
