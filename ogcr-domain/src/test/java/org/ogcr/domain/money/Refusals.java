package org.ogcr.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.ogcr.domain.common.InvalidValueException;

/**
 * The one assertion every refusal test makes: type, stable code, field and value in the message.
 */
final class Refusals {

  private Refusals() {}

  static void assertInvalidValue(ThrowingCallable call, String field, String renderedValue) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            refusal -> {
              assertThat(refusal.code()).isEqualTo("invalid_value");
              assertThat(refusal.field()).isEqualTo(field);
              assertThat(refusal.rejectedValue()).isEqualTo(renderedValue);
              assertThat(refusal.getMessage())
                  .startsWith(field + " ")
                  .endsWith("; was " + renderedValue);
            });
  }
}
