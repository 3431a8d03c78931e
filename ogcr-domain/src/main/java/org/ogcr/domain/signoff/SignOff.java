package org.ogcr.domain.signoff;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;

/**
 * The multi-key sign-off of one proposed issuance, as an immutable value: each move returns the
 * next sign-off or throws, leaving this one unchanged.
 *
 * <p>Rules (registry function spec, "Registry governance" and "Issuance review process"): the
 * signatures bind to the hash of the proposal they approve; each person signs at most once; an
 * officer recused for the property can neither sign nor hold; any eligible signer can put the
 * issuance on hold for additional review; an audit committee member releases it; the issuance is
 * approved the moment the policy's counts are met.
 */
public final class SignOff {

  private final DocumentHash proposal;
  private final SignOffPolicy policy;
  private final Set<ActorId> recused;
  private final List<Signature> signatures;
  private final SignOffStatus status;
  private final Optional<Hold> hold;

  private SignOff(
      DocumentHash proposal,
      SignOffPolicy policy,
      Set<ActorId> recused,
      List<Signature> signatures,
      SignOffStatus status,
      Optional<Hold> hold) {
    this.proposal = proposal;
    this.policy = policy;
    this.recused = recused;
    this.signatures = List.copyOf(signatures);
    this.status = status;
    this.hold = hold;
  }

  /**
   * Opens the sign-off of {@code proposal}.
   *
   * @param recused people recused for this property by the audit committee
   */
  public static SignOff open(DocumentHash proposal, SignOffPolicy policy, Set<ActorId> recused) {
    Require.nonNull("proposal", proposal);
    Require.nonNull("policy", policy);
    return new SignOff(
        proposal,
        policy,
        Set.copyOf(Require.noNulls("recused", recused)),
        List.of(),
        SignOffStatus.COLLECTING,
        Optional.empty());
  }

  /**
   * Rebuilds a stored sign-off. The state must be one {@link #open}, {@link #sign}, {@link #hold}
   * and {@link #release} can reach: approved exactly when the policy is met, a hold exactly when on
   * hold, each signer once.
   */
  public static SignOff restore(
      DocumentHash proposal,
      SignOffPolicy policy,
      Set<ActorId> recused,
      List<Signature> signatures,
      SignOffStatus status,
      Optional<Hold> hold) {
    SignOff restored =
        new SignOff(
            Require.nonNull("proposal", proposal),
            Require.nonNull("policy", policy),
            Set.copyOf(Require.noNulls("recused", recused)),
            Require.noNulls("signatures", signatures),
            Require.nonNull("status", status),
            Require.nonNull("hold", hold));
    boolean consistent =
        (status == SignOffStatus.APPROVED) == restored.policyMet()
            && (status == SignOffStatus.ON_HOLD) == hold.isPresent()
            && signatures.stream().map(Signature::signer).distinct().count() == signatures.size();
    if (!consistent) {
      throw new org.ogcr.domain.common.InvalidValueException(
          "signOff", status + " " + signatures + " " + hold, "must be a reachable sign-off state");
    }
    return restored;
  }

  /** Records {@code signer}'s signature in {@code capacity}; approves when the policy is met. */
  public SignOff sign(Signer signer, SignOffRole capacity, Instant at) {
    Require.nonNull("capacity", capacity);
    requireEligible(signer, capacity, "sign");
    if (status == SignOffStatus.ON_HOLD) {
      throw new SignOffException(
          "sign_off_on_hold",
          "the issuance is on hold for review ("
              + hold.orElseThrow().reason()
              + "); an audit committee member must release it before signing resumes");
    }
    if (status == SignOffStatus.APPROVED) {
      throw new SignOffException(
          "sign_off_complete", "the issuance is already approved; no further signature is taken");
    }
    if (signatures.stream().anyMatch(s -> s.signer().equals(signer.actor()))) {
      throw new SignOffException(
          "duplicate_signer", signer.actor() + " has already signed this issuance");
    }
    if (count(capacity) >= policy.required(capacity)) {
      throw new SignOffException(
          "capacity_complete",
          "the issuance already has "
              + policy.required(capacity)
              + " "
              + capacity
              + " signature(s); another capacity is missing");
    }
    List<Signature> next = new ArrayList<>(signatures);
    next.add(new Signature(signer.actor(), capacity, at));
    SignOff signed = new SignOff(proposal, policy, recused, next, status, hold);
    return signed.policyMet()
        ? new SignOff(
            proposal,
            policy,
            recused,
            next,
            status.transitionTo(SignOffStatus.APPROVED),
            Optional.empty())
        : signed;
  }

  /** Puts the issuance on hold; any signer not recused may. */
  public SignOff hold(Signer signer, String reason, Instant at) {
    requireEligible(signer, null, "hold");
    Hold requested = new Hold(signer.actor(), reason, at);
    return new SignOff(
        proposal,
        policy,
        recused,
        signatures,
        status.transitionTo(SignOffStatus.ON_HOLD),
        Optional.of(requested));
  }

  /** Ends a hold; only an audit committee member may. Signatures already given stand. */
  public SignOff release(Signer signer) {
    requireEligible(signer, SignOffRole.AUDITOR, "release a hold on");
    return new SignOff(
        proposal,
        policy,
        recused,
        signatures,
        status.transitionTo(SignOffStatus.COLLECTING),
        Optional.empty());
  }

  private void requireEligible(Signer signer, SignOffRole capacity, String action) {
    Require.nonNull("signer", signer);
    if (capacity != null && !signer.holds(capacity)) {
      throw new SignOffException(
          "signer_lacks_role",
          signer.actor()
              + " cannot "
              + action
              + " this issuance as "
              + capacity
              + "; holds "
              + signer.roles());
    }
    if (recused.contains(signer.actor())) {
      throw new SignOffException(
          "signer_recused",
          signer.actor() + " is recused for this property and cannot " + action + " its issuance");
    }
  }

  private long count(SignOffRole capacity) {
    return signatures.stream().filter(s -> s.capacity() == capacity).count();
  }

  private boolean policyMet() {
    for (SignOffRole role : SignOffRole.values()) {
      if (count(role) < policy.required(role)) {
        return false;
      }
    }
    return true;
  }

  public DocumentHash proposal() {
    return proposal;
  }

  public SignOffPolicy policy() {
    return policy;
  }

  public List<Signature> signatures() {
    return signatures;
  }

  public SignOffStatus status() {
    return status;
  }

  public Optional<Hold> currentHold() {
    return hold;
  }

  public boolean isApproved() {
    return status == SignOffStatus.APPROVED;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignOff other
        && proposal.equals(other.proposal)
        && policy.equals(other.policy)
        && recused.equals(other.recused)
        && signatures.equals(other.signatures)
        && status == other.status
        && hold.equals(other.hold);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(proposal, policy, recused, signatures, status, hold);
  }

  @Override
  public String toString() {
    return "SignOff[" + status + " " + signatures + hold.map(h -> " hold " + h).orElse("") + "]";
  }

  /** The actors recused for this property. */
  public Set<ActorId> recused() {
    return recused;
  }
}
