package org.ogcr.adapter.json.canonical;

import java.util.Optional;
import org.ogcr.domain.common.DomainException;

/**
 * The text is not JSON, or is JSON that RFC 8785 cannot give one canonical form without changing
 * it: a duplicate member name, a lone surrogate, a number a double cannot hold. The message says
 * which rule and where (a JSON pointer, or a line and column for text that does not parse).
 */
public final class CanonicalizationException extends DomainException {

  /** The stable code of every refusal of this package. */
  public static final String CODE = "json_not_canonicalizable";

  private final String reason;
  private final Optional<String> pointer;

  CanonicalizationException(String reason) {
    this(reason, Optional.empty());
  }

  /** A refusal of the value at {@code pointer} (RFC 6901) in a JSON text that parses. */
  CanonicalizationException(String reason, String pointer) {
    this(reason, Optional.of(pointer));
  }

  private CanonicalizationException(String reason, Optional<String> pointer) {
    super(CODE, "JSON cannot be canonicalized (RFC 8785): " + reason);
    this.reason = reason;
    this.pointer = pointer;
  }

  /** Where in the document, when the text parsed and one value is at fault. */
  public Optional<String> pointer() {
    return pointer;
  }

  /** Why, and where, without the common prefix of the message. */
  public String reason() {
    return reason;
  }
}
