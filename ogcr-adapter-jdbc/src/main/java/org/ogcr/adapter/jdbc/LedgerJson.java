package org.ogcr.adapter.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.ogcr.adapter.json.StrictJson;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.credit.BlockChange;
import org.ogcr.domain.credit.CreditBlock;
import org.ogcr.domain.credit.CreditStatus;
import org.ogcr.domain.credit.Provenance;
import org.ogcr.domain.credit.SerialRange;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.id.ReportId;
import org.ogcr.port.out.LedgerCommand;
import org.ogcr.port.out.LedgerEntry;

/** Ledger commands and entries as the outbox stores them: JSON that reads back equal. */
final class LedgerJson {

  private LedgerJson() {}

  static String command(LedgerCommand command) {
    return write(commandNode(command));
  }

  static LedgerCommand command(String json) {
    return command(read(json));
  }

  static String entry(LedgerEntry entry) {
    ObjectNode n = StrictJson.MAPPER.createObjectNode();
    n.put("sequence", entry.sequence());
    n.set("command", commandNode(entry.command()));
    n.put("previous", entry.previous().hex());
    n.put("hash", entry.hash().hex());
    n.put("confirmed", entry.confirmed());
    return write(n);
  }

  static LedgerEntry entry(String json) {
    JsonNode n = read(json);
    return new LedgerEntry(
        n.path("sequence").asLong(),
        command(n.path("command")),
        new DocumentHash(n.path("previous").asText()),
        new DocumentHash(n.path("hash").asText()),
        n.path("confirmed").asBoolean());
  }

  private static ObjectNode commandNode(LedgerCommand command) {
    ObjectNode n = StrictJson.MAPPER.createObjectNode();
    n.put("id", command.id());
    if (command instanceof LedgerCommand.Anchor a) {
      n.put("type", "anchor");
      n.put("kind", a.kind());
      n.put("hash", a.hash().hex());
    } else if (command instanceof LedgerCommand.Mint m) {
      n.put("type", "mint");
      n.put("issuance", m.issuance().value());
      n.put("project", m.project().value());
      n.put("report", m.report().value());
      n.put("vintageYear", m.vintageYear());
      n.set("blocks", blocks(m.blocks()));
    } else if (command instanceof LedgerCommand.Apply a) {
      n.put("type", "apply");
      n.put("operation", a.operation());
      n.set("removed", blocks(a.change().removed()));
      n.set("added", blocks(a.change().added()));
    }
    return n;
  }

  private static LedgerCommand command(JsonNode n) {
    String id = n.path("id").asText();
    return switch (n.path("type").asText()) {
      case "anchor" ->
          new LedgerCommand.Anchor(
              id, n.path("kind").asText(), new DocumentHash(n.path("hash").asText()));
      case "mint" ->
          new LedgerCommand.Mint(
              id,
              new IssuanceId(n.path("issuance").asText()),
              new ProjectId(n.path("project").asText()),
              new ReportId(n.path("report").asText()),
              n.path("vintageYear").asInt(),
              blocks(n.path("blocks")));
      case "apply" ->
          new LedgerCommand.Apply(
              id,
              n.path("operation").asText(),
              new BlockChange(blocks(n.path("removed")), blocks(n.path("added"))));
      default -> throw new IllegalStateException("unknown stored ledger command " + n);
    };
  }

  private static ArrayNode blocks(List<CreditBlock> blocks) {
    ArrayNode a = StrictJson.MAPPER.createArrayNode();
    for (CreditBlock b : blocks) {
      ObjectNode n = a.addObject();
      n.put("issuance", b.issuance().value());
      n.put("first", b.range().first());
      n.put("last", b.range().last());
      n.put("owner", b.owner().value());
      n.put("status", b.status().name());
      b.provenance().replacementFor().ifPresent(h -> n.put("replacementFor", h.hex()));
    }
    return a;
  }

  private static List<CreditBlock> blocks(JsonNode a) {
    List<CreditBlock> blocks = new ArrayList<>();
    for (JsonNode n : a) {
      JsonNode replacementFor = n.path("replacementFor");
      blocks.add(
          new CreditBlock(
              new IssuanceId(n.path("issuance").asText()),
              new SerialRange(n.path("first").asLong(), n.path("last").asLong()),
              new AccountId(n.path("owner").asText()),
              CreditStatus.valueOf(n.path("status").asText()),
              replacementFor.isTextual()
                  ? new Provenance.Replacement(new DocumentHash(replacementFor.asText()))
                  : Provenance.ORIGINAL));
    }
    return blocks;
  }

  private static String write(JsonNode n) {
    try {
      return StrictJson.MAPPER.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a ledger command as JSON", e);
    }
  }

  private static JsonNode read(String json) {
    try {
      return StrictJson.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored ledger command is not JSON", e);
    }
  }
}
