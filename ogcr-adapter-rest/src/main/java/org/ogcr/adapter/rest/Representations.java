package org.ogcr.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.locationtech.jts.geom.Envelope;
import org.ogcr.adapter.json.StrictJson;
import org.ogcr.domain.audit.Attestation;
import org.ogcr.domain.audit.ChainedEntry;
import org.ogcr.domain.credit.CreditBlock;
import org.ogcr.domain.credit.SerialRange;
import org.ogcr.domain.methodology.Methodology;
import org.ogcr.domain.money.Allocation;
import org.ogcr.domain.money.Money;
import org.ogcr.domain.money.RevenueDistribution;
import org.ogcr.domain.project.PddVersion;
import org.ogcr.domain.signoff.Signature;
import org.ogcr.port.model.Account;
import org.ogcr.port.model.CreditEvent;
import org.ogcr.port.model.CreditView;
import org.ogcr.port.model.IssuanceRecord;
import org.ogcr.port.model.KeysetPage;
import org.ogcr.port.model.Page;
import org.ogcr.port.model.ProjectRecord;
import org.ogcr.port.model.PropertyFile;
import org.ogcr.port.model.ReportRecord;

/**
 * The JSON of each resource. Enumerations are lower case, instants RFC 3339 UTC, quantities and
 * money decimal strings (exact, never a binary float), identifiers as the registry spells them.
 */
final class Representations {

  private Representations() {}

  static ObjectNode object() {
    return StrictJson.MAPPER.createObjectNode();
  }

  static String lower(Enum<?> e) {
    return e.name().toLowerCase(java.util.Locale.ROOT);
  }

  static ObjectNode project(ProjectRecord p) {
    ObjectNode n = object();
    n.put("id", p.id().value());
    n.put("status", lower(p.status()));
    n.put("name", p.name());
    n.put("projectType", p.projectType());
    n.put("developer", p.developer().value());
    n.put("organisation", p.organisation().value());
    n.put("methodology", p.methodology().toString());
    n.putObject("creditingPeriod")
        .put("start", p.creditingPeriod().start().toString())
        .put("end", p.creditingPeriod().end().toString());
    Envelope box = p.bbox();
    n.putArray("bbox").add(box.getMinX()).add(box.getMinY()).add(box.getMaxX()).add(box.getMaxY());
    p.property().ifPresent(t -> n.put("propertyCode", t.propertyCode()));
    n.put("currentVersion", p.history().current().number());
    ArrayNode versions = n.putArray("versions");
    for (PddVersion v : p.history().versions()) {
      versions
          .addObject()
          .put("number", v.number())
          .put("hash", v.hash().hex())
          .put("recordedAt", v.recordedAt().toString())
          .put("recordedBy", v.recordedBy().value())
          .put("document", "/projects/" + p.id().value() + "/versions/" + v.number());
    }
    n.put("submittedAt", p.submittedAt().toString());
    n.put("updatedAt", p.updatedAt().toString());
    p.decisionReason().ifPresent(r -> n.put("decisionReason", r));
    n.put("monitoring", "/projects/" + p.id().value() + "/monitoring");
    return n;
  }

  static ObjectNode report(ReportRecord r) {
    ObjectNode n = object();
    n.put("id", r.id().value());
    n.put("projectId", r.project().value());
    n.put("status", lower(r.status()));
    n.put("methodology", r.methodology().toString());
    n.putObject("monitoringPeriod")
        .put("start", r.period().start().toString())
        .put("end", r.period().end().toString());
    n.put("netRemovalTonnesCo2e", r.netRemoval().tonnes().toPlainString());
    r.eci()
        .ifPresent(
            e ->
                n.putObject("eci")
                    .put("mean", e.mean().toPlainString())
                    .put("standardError", e.standardError().toPlainString()));
    n.put("documentHash", r.document().hex());
    n.put("submittedBy", r.submittedBy().value());
    n.put("submittedAt", r.submittedAt().toString());
    r.verification()
        .ifPresent(
            v -> {
              ObjectNode d = n.putObject("verification");
              d.put("verifier", v.verifier().value());
              d.put("organisation", v.organisation().value());
              d.put("accreditationId", v.accreditationId());
              d.put("outcome", lower(v.outcome()));
              d.put("date", v.date().toString());
              v.verifiedTonnes()
                  .ifPresent(t -> d.put("verifiedTonnesCo2e", t.tonnes().toPlainString()));
              v.reason().ifPresent(x -> d.put("reason", x));
            });
    n.put(
        "document",
        "/projects/" + r.project().value() + "/monitoring/" + r.id().value() + "/document");
    return n;
  }

  static ObjectNode credit(CreditView c) {
    CreditBlock b = c.block();
    ObjectNode n = object();
    n.put("id", c.firstSerial());
    n.put("issuanceId", b.issuance().value());
    n.put("issuanceCode", c.code().format());
    n.put("projectId", c.project().value());
    n.put("reportId", c.report().value());
    n.put("vintageYear", c.code().vintageYear());
    n.put("firstSerial", c.firstSerial());
    n.put("lastSerial", c.lastSerial());
    n.put("first", b.range().first());
    n.put("last", b.range().last());
    n.put("quantity", b.range().count());
    n.put("owner", b.owner().value());
    n.put("status", lower(b.status()));
    n.put("isReplacement", b.provenance().isReplacement());
    b.provenance().replacementFor().ifPresent(h -> n.put("replacementFor", h.hex()));
    return n;
  }

  static ObjectNode event(CreditEvent e) {
    ObjectNode n = object();
    n.put("receipt", e.receipt().hex());
    n.put("kind", lower(e.kind()));
    n.put("issuanceId", e.issuance().value());
    range(n, e.range());
    e.from().ifPresent(a -> n.put("from", a.value()));
    e.to().ifPresent(a -> n.put("to", a.value()));
    n.put("actor", e.actor().value());
    n.put("at", e.at().toString());
    ObjectNode details = n.putObject("details");
    e.details().forEach(details::put);
    return n;
  }

  static void range(ObjectNode n, SerialRange r) {
    n.put("first", r.first());
    n.put("last", r.last());
    n.put("quantity", r.count());
  }

  static ObjectNode account(Account a) {
    ObjectNode n = object();
    n.put("id", a.id().value());
    n.put("holder", a.holder().value());
    n.put("kind", lower(a.kind()));
    n.put("openedAt", a.openedAt().toString());
    return n;
  }

  static ObjectNode money(Money m) {
    return object()
        .put("amount", m.toDecimal().toPlainString())
        .put("currency", m.currency().getCurrencyCode());
  }

  static ObjectNode distribution(RevenueDistribution d) {
    ObjectNode n = object();
    n.set("payment", money(d.payment()));
    ArrayNode list = n.putArray("allocations");
    for (Allocation a : d.allocations()) {
      ObjectNode x = list.addObject();
      x.put("role", lower(a.payee().role()));
      if (!a.payee().name().isBlank()) {
        x.put("payee", a.payee().name());
      }
      x.set("amount", money(a.amount()));
    }
    return n;
  }

  static ObjectNode issuance(IssuanceRecord i) {
    ObjectNode n = object();
    n.put("id", i.id().value());
    n.put("code", i.code().format());
    n.put("projectId", i.project().value());
    n.put("reportId", i.report().value());
    i.assessment()
        .ifPresent(
            a ->
                n.putObject("assessment")
                    .put("propertyCode", a.propertyCode())
                    .put("year", a.assessmentYear()));
    n.put("status", lower(i.status()));
    n.put("exactQuantity", i.quantity().exact().toPlainString());
    n.put("units", i.quantity().units());
    n.putObject("split")
        .put("total", i.split().total())
        .put("owner", i.split().owner())
        .put("buffer", i.split().buffer())
        .put("bufferRate", i.split().rate().fraction().toPlainString());
    n.put("owner", i.owner().value());
    n.put("bufferPool", i.bufferPool().value());
    n.set("issuanceFee", money(i.issuanceFee()));
    ObjectNode signOff = n.putObject("signOff");
    signOff.put("status", lower(i.signOff().status()));
    signOff.put("proposal", i.signOff().proposal().hex());
    ArrayNode signatures = signOff.putArray("signatures");
    for (Signature s : i.signOff().signatures()) {
      signatures
          .addObject()
          .put("signer", s.signer().value())
          .put("capacity", lower(s.capacity()))
          .put("signedAt", s.signedAt().toString());
    }
    i.signOff()
        .currentHold()
        .ifPresent(
            h ->
                signOff
                    .putObject("hold")
                    .put("by", h.by().value())
                    .put("reason", h.reason())
                    .put("at", h.at().toString()));
    n.put("requestedBy", i.requestedBy().value());
    n.put("requestedAt", i.requestedAt().toString());
    i.issuedAt().ifPresent(t -> n.put("issuedAt", t.toString()));
    i.receipt().ifPresent(r -> n.put("receipt", r.hex()));
    return n;
  }

  static ObjectNode propertyFile(PropertyFile f) {
    ObjectNode n = object();
    n.put("projectId", f.project().value());
    n.put("registeredRecordHash", f.registeredRecordHash().hex());
    n.put("wrapperEntityOperational", f.wrapperEntityOperational());
    n.put("openComplianceIssues", f.openComplianceIssues());
    ObjectNode t = n.putObject("treasury");
    ArrayNode b = t.putArray("beneficiaries");
    f.treasury()
        .beneficiaries()
        .forEach(
            x ->
                b.addObject()
                    .put("name", x.name())
                    .put("share", x.share().value().toPlainString()));
    t.put("stewardshipReserve", f.treasury().stewardshipReserve().value().toPlainString());
    t.put("protocolFee", f.treasury().protocolFee().value().toPlainString());
    ArrayNode recused = n.putArray("recusedOfficers");
    f.recusedOfficers().stream().map(a -> a.value()).sorted().forEach(recused::add);
    n.put("updatedAt", f.updatedAt().toString());
    n.put("version", f.version());
    return n;
  }

  static ObjectNode methodology(Methodology m) {
    ObjectNode n = object();
    n.put("id", m.ref().id());
    n.put("version", m.ref().version().toString());
    n.put("ref", m.ref().toString());
    n.put("namespace", m.namespace());
    ArrayNode types = n.putArray("projectTypes");
    m.projectTypes().stream().sorted().forEach(types::add);
    n.put("status", lower(m.status()));
    ObjectNode p = n.putObject("parameters");
    p.put("z", m.parameters().z().toPlainString());
    p.put("methodologyConstant", m.parameters().methodologyConstant().toPlainString());
    ObjectNode rates = p.putObject("bufferRates");
    m.parameters()
        .bufferRates()
        .rates()
        .forEach((tier, rate) -> rates.put(lower(tier), rate.fraction().toPlainString()));
    m.approval()
        .ifPresent(
            a ->
                n.putObject("approval")
                    .put("approvedBy", a.approvedBy().value())
                    .put("approvedAt", a.approvedAt().toString()));
    return n;
  }

  static ObjectNode attestation(Attestation a) {
    ObjectNode n = object();
    n.put("receipt", a.receipt().hex());
    n.put("kind", a.kind());
    n.put("subject", a.subject());
    n.put("at", a.at().toString());
    n.put("actor", a.actor().value());
    ObjectNode facts = n.putObject("facts");
    a.facts().forEach(facts::put);
    n.put("canonicalJson", a.canonicalJson());
    return n;
  }

  static ObjectNode auditEntry(ChainedEntry e) {
    ObjectNode n = object();
    n.put("sequence", e.sequence());
    n.put("previous", e.previous().hex());
    n.put("hash", e.hash().hex());
    n.put("at", e.entry().at().toString());
    n.put("actor", e.entry().actor().value());
    n.put("organisation", e.entry().organisation().value());
    n.put("resource", e.entry().resource());
    n.put("action", e.entry().action());
    n.put("outcome", lower(e.entry().outcome()));
    n.put("detail", e.entry().detail());
    return n;
  }

  /** An offset page: items, total, and the links to its neighbours. */
  static <T> ObjectNode page(Page<T> page, Function<T, JsonNode> item, Links links) {
    ObjectNode n = object();
    ArrayNode items = n.putArray("items");
    page.items().forEach(t -> items.add(item.apply(t)));
    n.put("total", page.total());
    n.put("offset", page.request().offset());
    n.put("limit", page.request().limit());
    ObjectNode l = n.putObject("links");
    l.put("self", links.offset(page.request().offset(), page.request().limit()));
    if (page.hasNext()) {
      l.put(
          "next",
          links.offset(page.request().offset() + page.request().limit(), page.request().limit()));
    }
    if (page.request().offset() > 0) {
      l.put(
          "prev",
          links.offset(
              Math.max(0, page.request().offset() - page.request().limit()),
              page.request().limit()));
    }
    return n;
  }

  /** A cursor page: items and, when more follow, the cursor and link of the next page. */
  static <T> ObjectNode page(
      KeysetPage<T> page, Function<T, JsonNode> item, Links links, int limit) {
    ObjectNode n = object();
    ArrayNode items = n.putArray("items");
    page.items().forEach(t -> items.add(item.apply(t)));
    n.put("limit", limit);
    page.next().ifPresent(c -> n.put("nextCursor", c));
    ObjectNode l = n.putObject("links");
    page.next().ifPresent(c -> l.put("next", links.cursor(c, limit)));
    return n;
  }

  static <T> ObjectNode list(List<T> all, Function<T, JsonNode> item) {
    ObjectNode n = object();
    ArrayNode items = n.putArray("items");
    all.forEach(t -> items.add(item.apply(t)));
    n.put("total", all.size());
    return n;
  }

  /** Builds the links of a collection from the request's own query, paging replaced. */
  record Links(String path, Map<String, List<String>> query) {

    String offset(long offset, int limit) {
      return build(Map.of("offset", String.valueOf(offset), "limit", String.valueOf(limit)));
    }

    String cursor(String cursor, int limit) {
      return build(Map.of("cursor", cursor, "limit", String.valueOf(limit)));
    }

    private String build(Map<String, String> paging) {
      StringBuilder sb = new StringBuilder(path);
      char sep = '?';
      for (Map.Entry<String, List<String>> e : new java.util.TreeMap<>(query).entrySet()) {
        if (List.of("offset", "limit", "cursor").contains(e.getKey())) {
          continue;
        }
        for (String v : e.getValue()) {
          sb.append(sep).append(encode(e.getKey())).append('=').append(encode(v));
          sep = '&';
        }
      }
      for (Map.Entry<String, String> e : new java.util.TreeMap<>(paging).entrySet()) {
        sb.append(sep).append(e.getKey()).append('=').append(encode(e.getValue()));
        sep = '&';
      }
      return sb.toString();
    }

    private static String encode(String s) {
      return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  static Optional<String> text(JsonNode n, String name) {
    JsonNode v = n.get(name);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
  }
}
