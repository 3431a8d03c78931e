package org.ogcr.domain.lifecycle;

/**
 * An enum of states that knows its own transition table, so every lifecycle offers the same two
 * moves.
 *
 * @param <S> the enum implementing this interface
 */
public interface LifecycleState<S extends Enum<S> & LifecycleState<S>> {

  Lifecycle<S> lifecycle();

  /** The next state, or {@link IllegalTransitionException} when the table has no such edge. */
  @SuppressWarnings("unchecked")
  default S transitionTo(S next) {
    return lifecycle().transition((S) this, next);
  }

  /** A final state has no exits. */
  @SuppressWarnings("unchecked")
  default boolean isFinal() {
    return lifecycle().isFinal((S) this);
  }
}
