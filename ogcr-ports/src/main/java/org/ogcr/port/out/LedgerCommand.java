package org.ogcr.port.out;

import java.util.List;
import java.util.regex.Pattern;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.credit.BlockChange;
import org.ogcr.domain.credit.CreditBlock;
import org.ogcr.domain.credit.CreditStatus;
import org.ogcr.domain.credit.SerialCoverage;
import org.ogcr.domain.credit.SerialRange;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.id.ReportId;

/**
 * A write to the ledger, as the outbox holds it until it is relayed. Every command carries a
 * deterministic {@link #id()}, derived by the service from the state change it records (for example
 * the attestation hash of the transition), so relaying it twice never writes twice.
 */
public sealed interface LedgerCommand
    permits LedgerCommand.Anchor, LedgerCommand.Mint, LedgerCommand.Apply {

  /** The command's identity: the same state change always yields the same id. */
  String id();

  /**
   * An unambiguous text of the command's content, for hashing into a ledger's chain: each field is
   * written with its length, so no two different commands share a text.
   */
  String canonicalText();

  Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

  private static String validId(String id) {
    return Require.matches("commandId", id, ID, "must be 1 to 128 identifier characters");
  }

  /** Anchors a document or attestation hash (OGCR 5.2: PDD, MRV, issuance receipts). */
  record Anchor(String id, String kind, DocumentHash hash) implements LedgerCommand {
    public Anchor {
      validId(id);
      Require.matches(
          "kind", kind, Pattern.compile("[a-z][a-z_]{0,31}"), "must be a lower-case kind");
      Require.nonNull("hash", hash);
    }

    @Override
    public String canonicalText() {
      return Canonical.join("anchor", id, kind, hash.hex());
    }
  }

  /**
   * Mints the initial blocks of an issuance, one token per block (OGCR 5.2.3: each mint references
   * its verified MRV, and the tokens carry the project, the MRV and the vintage year).
   *
   * @param report the verified monitoring report the credits come from
   * @param vintageYear the issuance's vintage year, 1900 to 9999
   */
  record Mint(
      String id,
      IssuanceId issuance,
      ProjectId project,
      ReportId report,
      int vintageYear,
      List<CreditBlock> blocks)
      implements LedgerCommand {
    public Mint {
      validId(id);
      Require.nonNull("issuance", issuance);
      Require.nonNull("project", project);
      Require.nonNull("report", report);
      Require.between("vintageYear", vintageYear, 1900, 9999);
      blocks = List.copyOf(Require.nonEmpty("blocks", blocks));
      long last = 0;
      for (CreditBlock b : blocks) {
        if (!b.issuance().equals(issuance) || b.status() != CreditStatus.ISSUED) {
          throw new InvalidValueException(
              "blocks", b, "must be ISSUED blocks of issuance " + issuance);
        }
        last = Math.max(last, b.range().last());
      }
      // an issuance is minted whole: its blocks tile [1, N]
      SerialCoverage.requireExact(new SerialRange(1, last), blocks);
    }

    @Override
    public String canonicalText() {
      return Canonical.join(
          "mint",
          id,
          issuance.value(),
          project.value(),
          report.value(),
          Integer.toString(vintageYear),
          Canonical.blocks(blocks));
    }
  }

  /** Records a block change: a split, transfer, listing, sale, retirement or invalidation. */
  record Apply(String id, String operation, BlockChange change) implements LedgerCommand {
    public Apply {
      validId(id);
      Require.matches(
          "operation", operation, Pattern.compile("[a-z][a-z_ ]{0,31}"), "must name the operation");
      Require.nonNull("change", change);
    }

    @Override
    public String canonicalText() {
      return Canonical.join(
          "apply",
          id,
          operation,
          Canonical.blocks(change.removed()),
          Canonical.blocks(change.added()));
    }
  }

  /** Length-prefixed joining, so the text of a command is unambiguous. */
  final class Canonical {
    private Canonical() {}

    static String join(String... fields) {
      StringBuilder sb = new StringBuilder();
      for (String f : fields) {
        sb.append(f.length()).append(':').append(f).append(';');
      }
      return sb.toString();
    }

    static String blocks(List<CreditBlock> blocks) {
      StringBuilder sb = new StringBuilder();
      for (CreditBlock b : blocks) {
        sb.append(
            join(
                b.issuance().value(),
                Long.toString(b.range().first()),
                Long.toString(b.range().last()),
                b.owner().value(),
                b.status().name(),
                b.provenance().replacementFor().map(DocumentHash::hex).orElse("")));
      }
      return sb.toString();
    }
  }
}
