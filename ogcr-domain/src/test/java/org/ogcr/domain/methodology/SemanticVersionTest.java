package org.ogcr.domain.methodology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SemanticVersionTest {

  @Test
  void givenMethodologyRef_parseAndFormat_roundTrip() {
    MethodologyRef ref = MethodologyRef.parse("EC-M@1.1.0");
    assertThat(ref.id()).isEqualTo("EC-M");
    assertThat(ref.version()).isEqualTo(SemanticVersion.of(1, 1, 0));
    assertThat(ref).hasToString("EC-M@1.1.0");
  }

  /** The precedence example of semver.org section 11. */
  @Test
  void givenSemverSpecExample_sort_followsPrecedence() {
    List<String> ordered =
        List.of(
            "1.0.0-alpha",
            "1.0.0-alpha.1",
            "1.0.0-alpha.beta",
            "1.0.0-beta",
            "1.0.0-beta.2",
            "1.0.0-beta.11",
            "1.0.0-rc.1",
            "1.0.0",
            "1.1.0",
            "2.0.0");
    List<String> shuffled = new java.util.ArrayList<>(ordered);
    java.util.Collections.reverse(shuffled);
    assertThat(
            shuffled.stream()
                .map(SemanticVersion::parse)
                .sorted()
                .map(SemanticVersion::toString)
                .collect(Collectors.toList()))
        .isEqualTo(ordered);
  }

  @Test
  void givenPreRelease_isPreRelease_isTrue() {
    assertThat(SemanticVersion.parse("2.0.0-rc.1").isPreRelease()).isTrue();
    assertThat(Stream.of("0.0.0", "10.20.30").map(SemanticVersion::parse))
        .allMatch(v -> !v.isPreRelease());
  }
}
