package org.ogcr.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.ogcr.domain.audit.AuditChain.Break;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;

/**
 * Tampering of every kind, at every place, is found and named: the first modified, removed or
 * reordered entry (ARCHITECTURE.md, "Access": anyone can replay the chain).
 */
class AuditChainProperties {

  static List<ChainedEntry> chain(int length) {
    List<ChainedEntry> chain = new ArrayList<>();
    Optional<ChainedEntry> last = Optional.empty();
    for (int i = 0; i < length; i++) {
      ChainedEntry next = AuditChain.append(last, entry(i, "detail " + i));
      chain.add(next);
      last = Optional.of(next);
    }
    return chain;
  }

  static AuditEntry entry(int i, String detail) {
    return new AuditEntry(
        Instant.parse("2026-03-01T00:00:00Z").plusSeconds(i),
        new ActorId("actor-" + (i % 3)),
        new OrganisationId("org-" + (i % 2)),
        "project/p-" + i,
        i % 2 == 0 ? "project.submit" : "project.validate",
        i % 5 == 0 ? AuditEntry.Outcome.DENIED : AuditEntry.Outcome.ALLOWED,
        detail);
  }

  /** Matches a break by where and what, whatever its explanation says. */
  static org.assertj.core.api.Condition<Break> brokenAt(long sequence, Break.Kind kind) {
    return new org.assertj.core.api.Condition<>(
        b -> b.sequence() == sequence && b.kind() == kind, "%s at entry %d", kind, sequence);
  }

  static AuditChain.Head head(List<ChainedEntry> chain) {
    ChainedEntry last = chain.get(chain.size() - 1);
    return new AuditChain.Head(last.sequence(), last.hash());
  }

  static ChainedEntry withDetail(ChainedEntry e, String detail) {
    AuditEntry a = e.entry();
    return new ChainedEntry(
        e.sequence(),
        e.previous(),
        e.hash(),
        new AuditEntry(
            a.at(), a.actor(), a.organisation(), a.resource(), a.action(), a.outcome(), detail));
  }

  @Property(tries = 1000)
  void givenIntactChain_verify_findsNothing(@ForAll @IntRange(min = 0, max = 40) int length) {
    List<ChainedEntry> chain = chain(length);
    assertThat(AuditChain.verify(chain)).isEmpty();
    if (length > 0) {
      assertThat(AuditChain.verify(chain, Optional.of(head(chain)))).isEmpty();
    }
  }

  @Property(tries = 1000)
  void givenEditedEntry_verify_reportsItModified(
      @ForAll @IntRange(min = 1, max = 40) int length,
      @ForAll @IntRange(min = 0, max = 39) int at) {
    int k = at % length;
    List<ChainedEntry> chain = new ArrayList<>(chain(length));
    chain.set(k, withDetail(chain.get(k), "rewritten"));
    assertThat(AuditChain.verify(chain))
        .contains(
            new Break(k + 1, Break.Kind.MODIFIED, "entry " + (k + 1) + " does not match its hash"));
  }

  @Property(tries = 1000)
  void givenEditedAndRehashedEntry_verify_namesThatEntry(
      @ForAll @IntRange(min = 1, max = 40) int length,
      @ForAll @IntRange(min = 0, max = 39) int at) {
    int k = at % length;
    List<ChainedEntry> original = chain(length);
    List<ChainedEntry> chain = new ArrayList<>(original);
    ChainedEntry e = withDetail(chain.get(k), "rewritten");
    chain.set(
        k,
        new ChainedEntry(
            e.sequence(),
            e.previous(),
            AuditChain.hash(e.sequence(), e.previous(), e.entry()),
            e.entry()));
    Optional<Break> found = AuditChain.verify(chain, Optional.of(head(original)));
    assertThat(found).hasValueSatisfying(brokenAt(k + 1, Break.Kind.MODIFIED));
  }

  @Property(tries = 1000)
  void givenRemovedEntry_verify_reportsItRemoved(
      @ForAll @IntRange(min = 1, max = 40) int length,
      @ForAll @IntRange(min = 0, max = 39) int at) {
    int k = at % length;
    List<ChainedEntry> original = chain(length);
    List<ChainedEntry> chain = new ArrayList<>(original);
    chain.remove(k);
    assertThat(AuditChain.verify(chain, Optional.of(head(original))))
        .hasValueSatisfying(brokenAt(k + 1, Break.Kind.REMOVED));
  }

  @Property(tries = 1000)
  void givenSwappedNeighbours_verify_reportsThemReordered(
      @ForAll @IntRange(min = 2, max = 40) int length,
      @ForAll @IntRange(min = 0, max = 38) int at) {
    int k = at % (length - 1);
    List<ChainedEntry> chain = new ArrayList<>(chain(length));
    Collections.swap(chain, k, k + 1);
    assertThat(AuditChain.verify(chain)).hasValueSatisfying(brokenAt(k + 1, Break.Kind.REORDERED));
  }

  @Property(tries = 1000)
  void givenDuplicatedEntry_verify_reportsItReordered(
      @ForAll @IntRange(min = 1, max = 40) int length,
      @ForAll @IntRange(min = 0, max = 39) int at) {
    int k = at % length;
    List<ChainedEntry> chain = new ArrayList<>(chain(length));
    chain.add(k + 1, chain.get(k));
    assertThat(AuditChain.verify(chain)).hasValueSatisfying(brokenAt(k + 1, Break.Kind.REORDERED));
  }

  @Property(tries = 1000)
  void givenRelabelledEntry_verify_reportsItModifiedWhereItStood(
      @ForAll @IntRange(min = 2, max = 40) int length,
      @ForAll @IntRange(min = 0, max = 39) int at,
      @ForAll @IntRange(min = 1, max = 50) int label) {
    int k = at % length;
    List<ChainedEntry> chain = new ArrayList<>(chain(length));
    ChainedEntry e = chain.get(k);
    net.jqwik.api.Assume.that(label != e.sequence());
    chain.set(k, new ChainedEntry(label, e.previous(), e.hash(), e.entry()));
    assertThat(AuditChain.verify(chain)).hasValueSatisfying(brokenAt(k + 1, Break.Kind.MODIFIED));
  }

  @Test
  void givenFirstEntryRelinkedAndRehashed_verify_namesEntryOne() {
    List<ChainedEntry> chain = new ArrayList<>(chain(3));
    ChainedEntry first = chain.get(0);
    org.ogcr.domain.common.DocumentHash other =
        org.ogcr.domain.common.DocumentHash.sha256("not the genesis");
    chain.set(
        0, new ChainedEntry(1, other, AuditChain.hash(1, other, first.entry()), first.entry()));
    assertThat(AuditChain.verify(chain))
        .hasValueSatisfying(b -> assertThat(b.sequence()).isEqualTo(1));
  }

  @Test
  void givenLoneSurrogateInDetail_entry_isRefused_soNoTwoDetailsHashAlike() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> entry(1, "\uD800"))
        .isInstanceOf(org.ogcr.domain.common.InvalidValueException.class)
        .hasMessageContaining("must be well-formed Unicode");
    assertThat(entry(1, "\uD83C\uDF32 forest").detail()).isEqualTo("\uD83C\uDF32 forest");
  }

  @Test
  void givenNanosecondInstant_entry_keepsMicroseconds_asSqlTimestampsDo() {
    AuditEntry e =
        new AuditEntry(
            Instant.parse("2026-03-01T00:00:00.123456789Z"),
            new ActorId("a"),
            new OrganisationId("o"),
            "r",
            "a.b",
            AuditEntry.Outcome.ALLOWED,
            "");
    assertThat(e.at()).isEqualTo(Instant.parse("2026-03-01T00:00:00.123456Z"));
  }

  @Test
  void givenChainRewrittenFromScratch_onlyTheAnchoredHeadRevealsIt() {
    List<ChainedEntry> original = chain(5);
    List<ChainedEntry> forged = new ArrayList<>();
    Optional<ChainedEntry> last = Optional.empty();
    for (int i = 0; i < 5; i++) {
      ChainedEntry next = AuditChain.append(last, entry(i, i == 2 ? "forged" : "detail " + i));
      forged.add(next);
      last = Optional.of(next);
    }
    assertThat(AuditChain.verify(forged)).isEmpty();
    assertThat(AuditChain.verify(forged, Optional.of(head(original))))
        .hasValueSatisfying(b -> assertThat(b.kind()).isEqualTo(Break.Kind.MODIFIED));
  }

  @Test
  void givenSameFieldsSplitDifferently_hashes_differ() {
    AuditEntry a =
        new AuditEntry(
            Instant.EPOCH,
            new ActorId("ab"),
            new OrganisationId("c"),
            "r",
            "a.b",
            AuditEntry.Outcome.ALLOWED,
            "");
    AuditEntry b =
        new AuditEntry(
            Instant.EPOCH,
            new ActorId("a"),
            new OrganisationId("bc"),
            "r",
            "a.b",
            AuditEntry.Outcome.ALLOWED,
            "");
    assertThat(AuditChain.hash(1, AuditChain.GENESIS, a))
        .isNotEqualTo(AuditChain.hash(1, AuditChain.GENESIS, b));
  }
}
