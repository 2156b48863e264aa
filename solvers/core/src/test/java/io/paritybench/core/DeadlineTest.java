package io.paritybench.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    @Test
    void noLimitNeverPassesAndZeroMeansNoLimit() {
        assertThat(Deadline.none().passed()).isFalse();
        assertThat(Deadline.none().isBounded()).isFalse();
        assertThat(Deadline.after(Duration.ZERO)).isSameAs(Deadline.none());
        assertThat(SolverOptions.defaults().deadlineFromNow().isBounded()).isFalse();
        assertThat(Deadline.none().remaining()).isEqualTo(Duration.ZERO);
    }

    @Test
    void aShortLimitPassesAndRemainingStaysPositive() throws InterruptedException {
        Deadline d = Deadline.after(Duration.ofNanos(1));
        Thread.sleep(1);
        assertThat(d.passed()).isTrue();
        assertThat(d.isBounded()).isTrue();
        assertThat(d.remaining()).as("still a limit when handed on").isEqualTo(Duration.ofNanos(1));
        assertThat(d.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(1));
    }

    @Test
    void aLongLimitHasNoOverflowWhateverTheClockReads() {
        Deadline longest = Deadline.after(Duration.ofNanos(Long.MAX_VALUE));
        assertThat(longest.passed()).isFalse();
        assertThat(longest.remaining()).isGreaterThan(Duration.ofDays(100 * 365));
        assertThat(Deadline.after(Duration.ofSeconds(Long.MAX_VALUE)).passed()).isFalse();
        Deadline hour = Deadline.after(Duration.ofHours(1));
        assertThat(hour.passed()).isFalse();
        assertThat(hour.remaining()).isLessThanOrEqualTo(Duration.ofHours(1)).isGreaterThan(Duration.ofMinutes(59));
    }

    @Test
    void aNegativeLimitIsRejected() {
        assertThatThrownBy(() -> Deadline.after(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }
}
