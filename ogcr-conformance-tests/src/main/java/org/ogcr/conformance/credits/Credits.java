package org.ogcr.conformance.credits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.ogcr.conformance.CannotTell;
import org.ogcr.conformance.Check;
import org.ogcr.conformance.ConformanceClass;
import org.ogcr.conformance.Context;
import org.ogcr.conformance.Credentials;
import org.ogcr.conformance.Http;

/**
 * Credit management (OGCR 4.2.3): transfer and retirement of units a holder owns, by serial range.
 * The spec does not say how units are issued, so the kit works on units the holder already holds:
 * the credentials file names the holder's account ({@code holder.account}), an account units may be
 * transferred to ({@code holder.recipient}), and a second holder that does not own that account
 * ({@code other_holder}).
 */
public final class Credits extends ConformanceClass {

  @Override
  public String id() {
    return "credits";
  }

  @Override
  public String sections() {
    return "OGCR 4.2.3";
  }

  private String account() {
    Credentials.Role holder = registry.credentials().require("holder");
    return registry
        .credentials()
        .setting("holder.account")
        .orElseThrow(
            () ->
                CannotTell.notTested(
                    "the credentials file names no holder.account for "
                        + holder.actor()
                        + "'s units"));
  }

  private String recipient() {
    return registry
        .credentials()
        .setting("holder.recipient")
        .orElseThrow(
            () -> CannotTell.notTested("the credentials file names no holder.recipient account"));
  }

  private static String q(String v) {
    return URLEncoder.encode(v, StandardCharsets.UTF_8);
  }

  /** The blocks of {@code account}, as the public collection lists them. */
  private List<JsonNode> blocks(String account) {
    List<JsonNode> all = new ArrayList<>();
    Http.Response r =
        status(
            registry.anonymous("GET", "/credits?limit=1000&owner=" + q(account), null),
            "GET /credits?owner=" + account,
            200);
    Context.items(r.json()).forEach(all::add);
    return all;
  }

  /** A held block of the holder's account with at least {@code units} units. */
  private JsonNode heldBlock(String account, int units) {
    for (JsonNode b : blocks(account)) {
      if ("held".equalsIgnoreCase(b.path("status").asText())
          && b.path("quantity").asLong() >= units) {
        return b;
      }
    }
    throw new CannotTell(
        "account "
            + account
            + " holds no block of "
            + units
            + " held units; give the holder units");
  }

  private static boolean covers(JsonNode block, String issuance, long first, long last) {
    return block.path("issuanceId").asText().equals(issuance)
        && block.path("first").asLong() <= first
        && block.path("last").asLong() >= last;
  }

  private ObjectNode transfer(String issuance, long first, long last, String from, String to) {
    ObjectNode body = Http.json().createObjectNode();
    body.put("issuanceId", issuance).put("first", first).put("last", last);
    body.put("from", from).put("to", to);
    return body;
  }

  @Check(
      requirement = "4.2.3 transfer",
      purpose = "A holder moves units to another account; the rest of its block stays its own.",
      method =
          "Transfer the last unit of a held block of the holder's account to the recipient: the"
              + " recipient's blocks then cover that unit, and the holder's held blocks cover the"
              + " others and not that one.",
      whenItFails = "POST /credits/transfer and the split of a block")
  public void required_4_2_3_aTransferMovesTheUnitsAndKeepsTheRest() {
    String account = account();
    String to = recipient();
    JsonNode b = heldBlock(account, 2);
    String issuance = b.path("issuanceId").asText();
    long first = b.path("first").asLong();
    long last = b.path("last").asLong();
    status(
        registry.as(
            "holder",
            "POST",
            "/credits/transfer",
            transfer(issuance, last, last, account, to).toString()),
        "transferring one unit",
        200,
        201);
    require(
        blocks(to).stream().anyMatch(x -> covers(x, issuance, last, last)),
        "the recipient holds the unit transferred");
    List<JsonNode> mine = blocks(account);
    require(
        mine.stream().noneMatch(x -> covers(x, issuance, last, last)),
        "the holder no longer holds the unit transferred");
    require(
        mine.stream()
            .anyMatch(
                x ->
                    covers(x, issuance, first, last - 1)
                        && "held".equalsIgnoreCase(x.path("status").asText())),
        "the holder still holds the rest of the block, " + first + "-" + (last - 1));
  }

  @Check(
      requirement = "4.2.3 retirement",
      purpose =
          "A retired unit is final: it cannot move or be retired again, and stays publicly"
              + " traceable; retiring part of a block leaves the rest usable.",
      method =
          "Retire the first unit of a held block of 3 or more, with a reason: the public"
              + " collection shows a retired block of that unit and a held block of the rest."
              + " Transferring or retiring the unit again is refused with a problem.",
      whenItFails = "POST /credits/{creditId}/retire, the block split, and the retired status")
  public void required_4_2_3_aRetirementSplitsTheBlockAndIsFinal() {
    String account = account();
    JsonNode b = heldBlock(account, 3);
    String issuance = b.path("issuanceId").asText();
    long first = b.path("first").asLong();
    long last = b.path("last").asLong();
    String serial = b.path("firstSerial").asText(b.path("id").asText());
    ObjectNode retire = Http.json().createObjectNode();
    retire.put("from", account).put("through", serial).put("reason", "conformance kit claim");
    status(
        registry.as("holder", "POST", "/credits/" + q(serial) + "/retire", retire.toString()),
        "retiring one unit",
        200,
        201);
    List<JsonNode> after = blocks(account);
    require(
        after.stream()
            .anyMatch(
                x ->
                    covers(x, issuance, first, first)
                        && x.path("quantity").asLong() == 1
                        && "retired".equalsIgnoreCase(x.path("status").asText())),
        "the retired unit is listed, publicly, as a retired block of one");
    require(
        after.stream()
            .anyMatch(
                x ->
                    covers(x, issuance, first + 1, last)
                        && "held".equalsIgnoreCase(x.path("status").asText())),
        "the rest of the block, " + (first + 1) + "-" + last + ", is still held");
    Http.Response moved =
        registry.as(
            "holder",
            "POST",
            "/credits/transfer",
            transfer(issuance, first, first, account, recipient()).toString());
    status(moved, "transferring a retired unit", 400, 409, 422);
    problem(moved);
    Http.Response again =
        registry.as("holder", "POST", "/credits/" + q(serial) + "/retire", retire.toString());
    status(again, "retiring a retired unit again", 400, 409, 422);
    problem(again);
  }

  @Check(
      requirement = "4.2.3 ownership",
      purpose = "Only an account's owner moves its units.",
      method =
          "Another holder transfers a unit of the holder's account: 403 with a problem, and the"
              + " unit stays where it was.",
      whenItFails = "the ownership check of transfers")
  public void required_4_2_3_onlyTheOwnerTransfers() {
    String account = account();
    registry.credentials().require("other_holder");
    JsonNode b = heldBlock(account, 1);
    String issuance = b.path("issuanceId").asText();
    long unit = b.path("first").asLong();
    Http.Response r =
        registry.as(
            "other_holder",
            "POST",
            "/credits/transfer",
            transfer(issuance, unit, unit, account, recipient()).toString());
    status(r, "another holder transferring the holder's unit", 403);
    problem(r);
    require(
        blocks(account).stream().anyMatch(x -> covers(x, issuance, unit, unit)),
        "a refused transfer moves nothing");
  }
}
