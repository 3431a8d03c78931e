package org.ogcr.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ogcr.port.out.Fixtures.T0;
import static org.ogcr.port.out.Fixtures.attestation;

import org.junit.jupiter.api.Test;
import org.ogcr.domain.audit.Attestation;

/** What every {@link AttestationStore} must do; adapters' tests extend it unchanged. */
public abstract class AttestationStoreContract {

  /** A store with no attestation. */
  protected abstract AttestationStore emptyStore();

  @Test
  void givenStoredAttestation_find_returnsItByItsReceipt() {
    AttestationStore store = emptyStore();
    Attestation validated =
        attestation("project.validated", "project/nulhegan-forest", T0.plusNanos(123_000));
    store.put(validated);
    assertThat(store.find(validated.receipt())).contains(validated);
    assertThat(store.find(validated.receipt()).orElseThrow().receipt())
        .isEqualTo(validated.receipt());
    assertThat(store.find(Fixtures.hash("never attested"))).isEmpty();
  }

  @Test
  void givenTheSameAttestationTwice_put_storesItOnce() {
    AttestationStore store = emptyStore();
    Attestation a = attestation("project.submitted", "project/p-1", T0);
    store.put(a);
    store.put(attestation("project.submitted", "project/p-1", T0));
    assertThat(store.ofSubject("project/p-1")).containsExactly(a);
  }

  @Test
  void givenAttestationsOfSeveralSubjects_ofSubject_returnsOneSubjectsOldestFirst() {
    AttestationStore store = emptyStore();
    Attestation validated = attestation("project.validated", "project/p-1", T0.plusSeconds(20));
    Attestation submitted = attestation("project.submitted", "project/p-1", T0);
    Attestation other = attestation("project.submitted", "project/p-2", T0.plusSeconds(10));
    Attestation amended = attestation("project.amended", "project/p-1", T0.plusSeconds(10));
    store.put(validated);
    store.put(submitted);
    store.put(other);
    store.put(amended);
    assertThat(store.ofSubject("project/p-1")).containsExactly(submitted, amended, validated);
    assertThat(store.ofSubject("project/p-2")).containsExactly(other);
    assertThat(store.ofSubject("project/p")).isEmpty();
  }
}
