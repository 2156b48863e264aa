package io.paritybench.core.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paritybench.core.testing.SharedCases;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CaseMetaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static java.util.stream.Stream<String> caseNames() {
        return SharedCases.all().stream().map(CaseData::name);
    }

    @ParameterizedTest
    @MethodSource("caseNames")
    void everyPublishedMetaJsonReadsIntoTheRecordAndWritesBackTheSameTree(String name) throws IOException {
        JsonNode original;
        try (InputStream in = CaseMetaTest.class.getResourceAsStream("/cases/" + name + "/meta.json")) {
            original = JSON.readTree(in);
        }
        CaseMeta m = JSON.treeToValue(original, CaseMeta.class);

        assertThat(m.name()).isEqualTo(original.get("name").asText());
        assertThat(m.kappaWeights()).isEqualTo(original.get("kappa_weights_componentwise").asDouble());
        assertThat(m.floorNaive())
                .isEqualTo(original.get("floors").get("max_abs_rrc_err_naive_double_eval").asDouble());
        JsonNode back = JSON.valueToTree(m);
        // numbers compared by value (a seed read as int is written back from a Long)
        java.util.Comparator<JsonNode> byValue = (a, b) -> a.equals(b) || a.isNumber() && b.isNumber()
                && a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;
        assertThat(original.equals(byValue, back)).as("round trip of every field, the unnamed ones included:%n%s%n%s",
                original, back).isTrue();
    }

    @Test
    void aMinimalFileReadsWithNaNForTheMissingConditioning(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("meta.json");
        Files.writeString(f, "{\"name\": \"x\", \"n\": 3, \"note\": \"kept\"}");

        CaseMeta m = JSON.readValue(f.toFile(), CaseMeta.class);

        assertThat(m.kappaWeights()).isNaN();
        assertThat(m.conditionNumber()).isNaN();
        assertThat(m.floorNaive()).isNaN();
        assertThat(m.kappaJacobian()).isNull();
        assertThat(m.others()).containsEntry("note", "kept");
    }

    @Test
    void theFactorFormFieldsAreTypedAndWrittenUnderTheirOwnNames(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("meta.json");
        Files.writeString(f, "{\"name\": \"x\", \"n\": 3, \"covariance_form\": \"factor\", \"factors\": 6,"
                + " \"conditioning_method\": \"some method\"}");

        CaseMeta m = JSON.readValue(f.toFile(), CaseMeta.class);

        assertThat(m.covarianceForm()).isEqualTo(CaseMeta.CovarianceForm.FACTOR);
        assertThat(m.factors()).isEqualTo(6);
        assertThat(m.conditioningMethod()).isEqualTo("some method");
        assertThat(m.others()).isEmpty();
        JsonNode back = JSON.valueToTree(m);
        assertThat(back.get("covariance_form").asText()).isEqualTo("factor");
        assertThat(back.get("factors").asInt()).isEqualTo(6);
    }

    @Test
    void anUnknownCovarianceFormIsRefusedWithItsName(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("meta.json");
        Files.writeString(f, "{\"name\": \"x\", \"n\": 3, \"covariance_form\": \"sparse\"}");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JSON.readValue(f.toFile(), CaseMeta.class))
                .hasMessageContaining("sparse");
    }
}
