package org.ogcr.domain.common;

/**
 * Every rule the domain refuses to break surfaces as a subclass of this exception, carrying a
 * stable machine-readable {@link #code()} (snake_case, never renamed once published) and a message
 * that names the offending field or state and the values involved. Only the REST adapter turns
 * codes into problem details; the domain never returns {@code null} to signal a refusal.
 */
public abstract class DomainException extends RuntimeException {

  private final String code;

  protected DomainException(String code, String message) {
    super(message);
    if (code == null || !code.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("code must be snake_case; was " + code);
    }
    this.code = code;
  }

  /** Stable, registered error code, for example {@code invalid_value}. */
  public String code() {
    return code;
  }
}
