package org.ogcr.domain.lifecycle;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An explicit transition table over an enum of states. A state with no exits is final. Moving along
 * an edge that is not in the table throws {@link IllegalTransitionException}; there is no silent
 * no-op.
 *
 * @param <S> the states
 */
public final class Lifecycle<S extends Enum<S>> {

  private final String name;
  private final Class<S> states;
  private final Map<S, Set<S>> exits;

  private Lifecycle(String name, Class<S> states, Map<S, Set<S>> exits) {
    this.name = name;
    this.states = states;
    this.exits = exits;
  }

  public static <S extends Enum<S>> Builder<S> builder(String name, Class<S> states) {
    return new Builder<>(name, states);
  }

  /** What the lifecycle is of, as used in error messages ("credit block"). */
  public String name() {
    return name;
  }

  public boolean allows(S from, S to) {
    return exits.get(from).contains(to);
  }

  /**
   * Returns {@code to} when the table has the edge {@code from → to}.
   *
   * @throws IllegalTransitionException otherwise, naming both states and the legal exits
   */
  public S transition(S from, S to) {
    if (!allows(from, to)) {
      Set<S> legal = exits.get(from);
      String allowed =
          legal.isEmpty()
              ? "none (final state)"
              : legal.stream().map(Enum::name).collect(Collectors.joining(", "));
      throw new IllegalTransitionException(name, from, to, allowed);
    }
    return to;
  }

  public Set<S> exits(S from) {
    return exits.get(from);
  }

  public boolean isFinal(S state) {
    return exits.get(state).isEmpty();
  }

  public Set<S> finalStates() {
    EnumSet<S> result = EnumSet.noneOf(states);
    exits.forEach(
        (state, out) -> {
          if (out.isEmpty()) {
            result.add(state);
          }
        });
    return Collections.unmodifiableSet(result);
  }

  /** Collects the edges of a table. States never named as a source get no exits. */
  public static final class Builder<S extends Enum<S>> {
    private final String name;
    private final Class<S> states;
    private final Map<S, EnumSet<S>> exits;

    private Builder(String name, Class<S> states) {
      this.name = name;
      this.states = states;
      this.exits = new EnumMap<>(states);
      for (S state : states.getEnumConstants()) {
        exits.put(state, EnumSet.noneOf(states));
      }
    }

    @SafeVarargs
    public final Builder<S> allow(S from, S... to) {
      for (S target : to) {
        if (target == from) {
          throw new IllegalArgumentException(name + ": a state does not transition to itself");
        }
        exits.get(from).add(target);
      }
      return this;
    }

    public Lifecycle<S> build() {
      Map<S, Set<S>> frozen = new EnumMap<>(states);
      exits.forEach((state, out) -> frozen.put(state, Collections.unmodifiableSet(out.clone())));
      return new Lifecycle<>(name, states, Collections.unmodifiableMap(frozen));
    }
  }
}
