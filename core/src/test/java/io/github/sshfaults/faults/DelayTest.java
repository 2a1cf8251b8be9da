package io.github.sshfaults.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.sshfaults.faults.internal.ModelAccess;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DelayTest {

  private static final Duration MS_40 = Duration.ofMillis(40);
  private static final Duration MS_60 = Duration.ofMillis(60);

  // Sampling is the engine's business: read through the engine's door.
  private static Duration sample(Delay delay, RandomGenerator random) {
    return ModelAccess.spec(delay).sample(random);
  }

  @Test
  void fixedDelayIsAlwaysTheSame() {
    assertThat(sample(Delay.fixed(MS_40), new SplittableRandom(1))).isEqualTo(MS_40);
  }

  @Test
  void uniformDelayStaysWithinItsBounds() {
    Delay delay = Delay.uniform(MS_40, MS_60);
    SplittableRandom random = new SplittableRandom(7);

    assertThat(IntStream.range(0, 1000).mapToObj(i -> sample(delay, random)))
        .allSatisfy(d -> assertThat(d).isBetween(MS_40, MS_60));
  }

  @Test
  void lognormalDelayHasItsMedian() {
    Delay delay = Delay.lognormal(Duration.ofMillis(200), 0.5);
    SplittableRandom random = new SplittableRandom(11);

    long[] samples =
        IntStream.range(0, 2001).mapToLong(i -> sample(delay, random).toMillis()).toArray();
    Arrays.sort(samples);

    assertThat(samples[1000]).isBetween(180L, 220L);
  }

  @Test
  void sameGeneratorSeedGivesSameDelays() {
    Delay delay = Delay.lognormal(Duration.ofMillis(200), 1);

    assertThat(sample(delay, new SplittableRandom(3)))
        .isEqualTo(sample(delay, new SplittableRandom(3)));
  }

  @Test
  void capsLongTails() {
    Delay delay = Delay.lognormal(Duration.ofMinutes(50), 10);
    SplittableRandom random = new SplittableRandom(5);

    assertThat(IntStream.range(0, 100).mapToObj(i -> sample(delay, random)))
        .allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Delay.LONGEST));
  }

  @Test
  void rejectsZeroOrNegativeDurations() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Delay.fixed(Duration.ZERO))
        .withMessage("fixed delay must be longer than zero, but was PT0S");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Delay.uniform(Duration.ofMillis(-1), MS_60))
        .withMessage("minimum delay must be zero or longer, but was PT-0.001S");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Delay.uniform(MS_60, MS_40))
        .withMessage("maximum delay must be longer than the minimum 60ms, but was 40ms");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Delay.lognormal(Duration.ZERO, 1))
        .withMessage("median delay must be longer than zero, but was PT0S");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Fault.delay(Duration.ofSeconds(-1)))
        .withMessageContaining("fixed delay must be longer than zero");
  }

  @Test
  void rejectsASigmaThatIsNotAPositiveNumber() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Delay.lognormal(MS_40, 0))
        .withMessage("sigma of a lognormal delay must be in (0, 10], but was 0.0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Delay.lognormal(MS_40, Double.NaN))
        .withMessageContaining("but was NaN");
  }

  @Test
  void isAValue() {
    assertThat(Delay.uniform(MS_40, MS_60))
        .isEqualTo(Delay.uniform(MS_40, MS_60))
        .hasSameHashCodeAs(Delay.uniform(MS_40, MS_60))
        .isNotEqualTo(Delay.uniform(MS_40, Duration.ofMillis(61)))
        .isNotEqualTo(Delay.fixed(MS_40));
  }

  @Test
  void readsAsItsDistribution() {
    assertThat(Delay.fixed(Duration.ofMillis(500))).hasToString("fixed(500ms)");
    assertThat(Delay.uniform(MS_40, Duration.ofSeconds(2))).hasToString("uniform(40ms..2s)");
    assertThat(Delay.lognormal(Duration.ofMillis(1500), 0.5))
        .hasToString("lognormal(1.5s, sigma=0.5)");
  }
}
