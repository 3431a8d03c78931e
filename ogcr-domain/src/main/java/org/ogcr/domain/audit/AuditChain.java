package org.ogcr.domain.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.Require;

/**
 * The tamper-evident audit trail as a hash chain: each entry's hash is the SHA-256 of the previous
 * entry's hash, its sequence number and its fields, so changing, removing or reordering any entry
 * breaks every hash after it. Anyone holding the entries can re-check the chain with {@link
 * #verify}; the encoding is fixed here and in docs/adr/0007.
 */
public final class AuditChain {

  /** The {@code previous} of entry 1. */
  public static final DocumentHash GENESIS = new DocumentHash("0".repeat(64));

  private AuditChain() {}

  /** The chained form of {@code entry} following {@code previous} (empty for the first entry). */
  public static ChainedEntry append(Optional<ChainedEntry> previous, AuditEntry entry) {
    Require.nonNull("previous", previous);
    long sequence = previous.map(p -> p.sequence() + 1).orElse(1L);
    DocumentHash before = previous.map(ChainedEntry::hash).orElse(GENESIS);
    return new ChainedEntry(sequence, before, hash(sequence, before, entry), entry);
  }

  /**
   * The hash of an entry: SHA-256 over the previous hash, the sequence number and every field, each
   * written as its UTF-8 length (4 bytes, big-endian) then its bytes, so no two different entries
   * share an encoding. The instant is written as ISO-8601 ({@code Instant.toString}).
   */
  public static DocumentHash hash(long sequence, DocumentHash previous, AuditEntry e) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    for (String field :
        new String[] {
          previous.hex(),
          Long.toString(sequence),
          e.at().toString(),
          e.actor().value(),
          e.organisation().value(),
          e.resource(),
          e.action(),
          e.outcome().name(),
          e.detail()
        }) {
      byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
      out.write(bytes.length >>> 24);
      out.write(bytes.length >>> 16);
      out.write(bytes.length >>> 8);
      out.write(bytes.length);
      out.write(bytes, 0, bytes.length);
    }
    return DocumentHash.sha256(out.toByteArray());
  }

  /** Where and how a chain was tampered with. */
  public record Break(long sequence, Kind kind, String explanation) {
    /** The first fault found, walking from the start. */
    public enum Kind {
      /** An entry's content or hash no longer matches. */
      MODIFIED,
      /** An entry is missing: the sequence skips, or an entry links past its predecessor. */
      REMOVED,
      /** Entries are out of order. */
      REORDERED
    }
  }

  /**
   * A head published outside the store (anchored on the ledger, or held by an auditor): the chain
   * must reach it, which is what catches entries cut off the end or a chain rewritten from scratch.
   */
  public record Head(long sequence, DocumentHash hash) {
    public Head {
      Require.positive("sequence", sequence);
      Require.nonNull("hash", hash);
    }
  }

  /** {@link #verify(List, Optional)} without an anchored head. */
  public static Optional<Break> verify(List<ChainedEntry> entries) {
    return verify(entries, Optional.empty());
  }

  /**
   * Walks the chain from its first entry and reports the first modified, removed or reordered
   * entry; empty when the chain is intact.
   *
   * <ul>
   *   <li>an entry whose content no longer matches its hash is MODIFIED;
   *   <li>an entry that matches its own hash but not its successor's link was rewritten and
   *       re-hashed: MODIFIED, named as that entry;
   *   <li>a sequence number that skips is REMOVED, or REORDERED when the missing entry appears
   *       later;
   *   <li>with a head, a chain that stops short of it ends in REMOVED, one that reaches it with
   *       another hash in MODIFIED; a chain re-hashed from some entry on is then reported at the
   *       head, at or after the first change (more anchored heads locate it more closely).
   * </ul>
   *
   * @param entries the chain as stored, in the order the store returns it
   */
  public static Optional<Break> verify(List<ChainedEntry> entries, Optional<Head> head) {
    Require.noNulls("entries", entries);
    Require.nonNull("head", head);
    Set<Long> present = new HashSet<>();
    entries.forEach(e -> present.add(e.sequence()));
    DocumentHash expectedPrevious = GENESIS;
    long expectedSequence = 1;
    for (ChainedEntry e : entries) {
      // an entry that no longer matches its own hash was edited, whatever its label now says
      if (!hash(e.sequence(), e.previous(), e.entry()).equals(e.hash())) {
        long at = e.sequence() == expectedSequence ? e.sequence() : expectedSequence;
        return broken(at, Break.Kind.MODIFIED, "entry " + at + " does not match its hash");
      }
      if (e.sequence() < expectedSequence) {
        return broken(
            e.sequence(),
            Break.Kind.REORDERED,
            "entry " + e.sequence() + " appears again after entry " + (expectedSequence - 1));
      }
      if (e.sequence() > expectedSequence) {
        return present.contains(expectedSequence)
            ? broken(
                expectedSequence,
                Break.Kind.REORDERED,
                "entry " + expectedSequence + " appears after entry " + e.sequence())
            : broken(
                expectedSequence,
                Break.Kind.REMOVED,
                "entry " + expectedSequence + " is missing; the next entry is " + e.sequence());
      }
      if (!e.previous().equals(expectedPrevious)) {
        // this entry is intact and links to another version of its predecessor; the first
        // entry links to the genesis, so it is itself the one rewritten
        long at = e.sequence() == 1 ? 1 : e.sequence() - 1;
        return broken(
            at,
            Break.Kind.MODIFIED,
            "entry " + at + " was rewritten: entry " + e.sequence() + " links to " + e.previous());
      }
      expectedPrevious = e.hash();
      expectedSequence++;
    }
    if (head.isPresent()) {
      Head h = head.get();
      if (h.sequence() >= expectedSequence) {
        return broken(
            expectedSequence,
            Break.Kind.REMOVED,
            "the chain ends at entry "
                + (expectedSequence - 1)
                + " but its anchored head is entry "
                + h.sequence());
      }
      DocumentHash atHead = entries.get((int) (h.sequence() - 1)).hash();
      if (!atHead.equals(h.hash())) {
        return broken(
            h.sequence(),
            Break.Kind.MODIFIED,
            "entry " + h.sequence() + " differs from its anchored hash " + h.hash());
      }
    }
    return Optional.empty();
  }

  private static Optional<Break> broken(long sequence, Break.Kind kind, String explanation) {
    return Optional.of(new Break(sequence, kind, explanation));
  }
}
