package org.ogcr.domain.signoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.DomainException;
import org.ogcr.domain.id.ActorId;

class SignOffTest {

  static final DocumentHash PROPOSAL = DocumentHash.sha256("issue 429 credits EC-2026-0001");
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  static final Signer ALICE = Signer.officer("alice");
  static final Signer BOB = Signer.officer("bob");
  static final Signer CAROL = Signer.officer("carol");
  static final Signer DAN = Signer.auditor("dan");
  static final Signer CHAIR =
      new Signer(new ActorId("chair"), Set.of(SignOffRole.OFFICER, SignOffRole.AUDITOR));

  static SignOff open(ActorId... recused) {
    return SignOff.open(PROPOSAL, SignOffPolicy.TWO_OFFICERS_ONE_AUDITOR, Set.of(recused));
  }

  static void refused(Runnable action, String code) {
    assertThatThrownBy(action::run)
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  @Test
  void givenTwoOfficersAndOneAuditor_signOff_isApproved() {
    SignOff s =
        open()
            .sign(ALICE, SignOffRole.OFFICER, T0)
            .sign(DAN, SignOffRole.AUDITOR, T0.plusSeconds(60))
            .sign(BOB, SignOffRole.OFFICER, T0.plusSeconds(120));
    assertThat(s.isApproved()).isTrue();
    assertThat(s.signatures())
        .extracting(Signature::signer)
        .containsExactly(ALICE.actor(), DAN.actor(), BOB.actor());
    assertThat(s.proposal()).isEqualTo(PROPOSAL);
  }

  @Test
  void givenTwoOfficersOnly_signOff_isStillCollecting() {
    SignOff s = open().sign(ALICE, SignOffRole.OFFICER, T0).sign(BOB, SignOffRole.OFFICER, T0);
    assertThat(s.status()).isEqualTo(SignOffStatus.COLLECTING);
    refused(() -> s.sign(CAROL, SignOffRole.OFFICER, T0), "capacity_complete");
  }

  @Test
  void givenSameOfficerTwice_secondSignature_isRefused() {
    SignOff s = open().sign(ALICE, SignOffRole.OFFICER, T0);
    refused(() -> s.sign(ALICE, SignOffRole.OFFICER, T0), "duplicate_signer");
  }

  @Test
  void givenChairWhoSignedAsOfficer_signingAgainAsAuditor_isRefused() {
    SignOff s = open().sign(CHAIR, SignOffRole.OFFICER, T0);
    refused(() -> s.sign(CHAIR, SignOffRole.AUDITOR, T0), "duplicate_signer");
  }

  @Test
  void givenRecusedOfficer_signature_isRefused() {
    SignOff s = open(BOB.actor());
    assertThatThrownBy(() -> s.sign(BOB, SignOffRole.OFFICER, T0))
        .isInstanceOfSatisfying(
            SignOffException.class, e -> assertThat(e.code()).isEqualTo("signer_recused"))
        .hasMessageContaining("bob is recused");
    refused(() -> s.hold(BOB, "volume looks high", T0), "signer_recused");
  }

  @Test
  void givenOfficer_signingAsAuditor_isRefused() {
    refused(() -> open().sign(ALICE, SignOffRole.AUDITOR, T0), "signer_lacks_role");
  }

  @Test
  void givenAnySigner_hold_stopsSigningUntilAnAuditorReleases() {
    SignOff held = open().sign(ALICE, SignOffRole.OFFICER, T0).hold(BOB, "anomalous volume", T0);
    assertThat(held.status()).isEqualTo(SignOffStatus.ON_HOLD);
    assertThat(held.currentHold().orElseThrow().reason()).isEqualTo("anomalous volume");
    refused(() -> held.sign(CAROL, SignOffRole.OFFICER, T0), "sign_off_on_hold");
    refused(() -> held.release(CAROL), "signer_lacks_role");

    SignOff released = held.release(DAN);
    assertThat(released.status()).isEqualTo(SignOffStatus.COLLECTING);
    assertThat(released.signatures()).hasSize(1);
    assertThat(
            released
                .sign(BOB, SignOffRole.OFFICER, T0)
                .sign(DAN, SignOffRole.AUDITOR, T0)
                .isApproved())
        .isTrue();
  }

  @Test
  void givenApprovedIssuance_furtherSignaturesAndHolds_areRefused() {
    SignOff approved =
        open()
            .sign(ALICE, SignOffRole.OFFICER, T0)
            .sign(BOB, SignOffRole.OFFICER, T0)
            .sign(DAN, SignOffRole.AUDITOR, T0);
    refused(() -> approved.sign(CAROL, SignOffRole.OFFICER, T0), "sign_off_complete");
    refused(() -> approved.hold(CAROL, "late doubt", T0), "illegal_transition");
  }

  @Test
  void givenBlankReason_hold_isRefusedNamingReason() {
    assertThatThrownBy(() -> open().hold(ALICE, "  ", T0))
        .hasMessage("reason must say why the issuance is held; was \"  \"");
  }

  @Test
  void givenRefusedSignature_signOff_isUnchanged() {
    SignOff s = open().sign(ALICE, SignOffRole.OFFICER, T0);
    refused(() -> s.sign(ALICE, SignOffRole.OFFICER, T0), "duplicate_signer");
    assertThat(s.signatures()).hasSize(1);
    assertThat(s.status()).isEqualTo(SignOffStatus.COLLECTING);
  }
}
