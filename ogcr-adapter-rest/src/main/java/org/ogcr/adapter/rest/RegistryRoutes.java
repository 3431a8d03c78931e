package org.ogcr.adapter.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ogcr.domain.audit.AuditChain;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.methodology.Methodology;
import org.ogcr.port.in.AuditUseCases;
import org.ogcr.port.in.MethodologyUseCases;
import org.ogcr.port.in.MethodologyUseCases.RegisterMethodology;
import org.ogcr.port.in.NotFoundException;
import org.ogcr.port.in.Receipted;
import org.ogcr.port.in.Role;
import org.ogcr.port.model.Anchoring;

/**
 * Methodologies, the public audit trail and attestations, tasks, and the server's own description:
 * health, conformance classes and the OpenAPI document.
 */
final class RegistryRoutes {

  /** The OpenAPI document, written by hand in {@code schemas/openapi.json}. */
  static final String OPENAPI = "/org/ogcr/schemas/openapi.json";

  /** The conformance classes this server implements, for {@code GET /conformance}. */
  static final List<String> CONFORMANCE =
      List.of(
          "urn:ogcr:conformance:0.1:core",
          "urn:ogcr:conformance:0.1:problem-details",
          "urn:ogcr:conformance:0.1:paging-offset",
          "urn:ogcr:conformance:0.1:paging-cursor",
          "urn:ogcr:conformance:0.1:conditional-requests",
          "urn:ogcr:conformance:0.1:idempotency",
          "urn:ogcr:conformance:0.1:rate-limits",
          "urn:ogcr:conformance:0.1:async-tasks",
          "urn:ogcr:conformance:0.1:earth-credits",
          "urn:ogcr:conformance:0.1:audit");

  private final MethodologyUseCases methodologies;
  private final AuditUseCases audit;

  private RegistryRoutes(MethodologyUseCases methodologies, AuditUseCases audit) {
    this.methodologies = methodologies;
    this.audit = audit;
  }

  static List<Route> routes(MethodologyUseCases methodologies, AuditUseCases audit) {
    RegistryRoutes r = new RegistryRoutes(methodologies, audit);
    return List.of(
        Route.write(
                "POST", "/methodologies", "registerMethodology", "methodologies:write", r::register)
            .roles(Role.ADMINISTRATOR),
        Route.publicRead("/methodologies", "listMethodologies", r::methodologies),
        Route.read("/audit/entries", "listAuditEntries", "audit:read", r::entries).roles(),
        Route.read("/audit/verification", "verifyAuditChain", "audit:read", r::verifyChain).roles(),
        Route.publicRead("/attestations", "listAttestations", r::attestations),
        Route.publicRead("/attestations/{receipt}", "getAttestation", r::attestation),
        Route.read("/tasks/{taskId}", "getTask", null, r::task).roles(),
        Route.publicRead(
            "/health", "getHealth", call -> Reply.ok(Representations.object().put("status", "up"))),
        Route.publicRead("/conformance", "getConformance", r::conformance),
        Route.publicRead("/openapi.json", "getOpenApi", call -> openApi()));
  }

  private Reply register(Call call) {
    Receipted<Methodology> done =
        methodologies.register(new RegisterMethodology(call.principal(), call.bodyText()));
    return Reply.created(
        "/methodologies",
        ProjectRoutes.withReceipt(Representations.methodology(done.value()), done.attestation()));
  }

  private Reply methodologies(Call call) {
    return Reply.ok(Representations.list(methodologies.list(), Representations::methodology));
  }

  private Reply entries(Call call) {
    long from =
        call.query("from", Long::parseLong, "give the sequence to start at, 1 or more").orElse(1L);
    if (from < 1) {
      throw ApiException.invalid(
          "/query/from",
          "invalid_parameter",
          "from must be 1 or more",
          "give from=1 for the first entry");
    }
    int limit = call.queryInt("limit", Paging.DEFAULT_LIMIT, 1, 1000);
    var entries = audit.entries(from, limit);
    ObjectNode n = Representations.list(entries, Representations::auditEntry);
    if (entries.size() == limit) {
      String next =
          "/audit/entries?from="
              + (entries.get(entries.size() - 1).sequence() + 1)
              + "&limit="
              + limit;
      n.putObject("links").put("next", next);
      return Reply.ok(n).withHeader("Link", "<" + next + ">; rel=\"next\"");
    }
    return Reply.ok(n);
  }

  private Reply verifyChain(Call call) {
    Optional<AuditChain.Break> broken = audit.verifyChain();
    ObjectNode n = Representations.object();
    n.put("intact", broken.isEmpty());
    broken.ifPresent(
        b ->
            n.putObject("break")
                .put("sequence", b.sequence())
                .put("kind", Representations.lower(b.kind()))
                .put("explanation", b.explanation()));
    return Reply.ok(n);
  }

  private Reply attestations(Call call) {
    String subject =
        call.query("subject")
            .orElseThrow(
                () ->
                    ApiException.invalid(
                        "/query/subject",
                        "required",
                        "subject is required",
                        "give the subject, for example subject=project/nulhegan-forest"));
    return Reply.ok(
        Representations.list(audit.attestations(subject), Representations::attestation));
  }

  private static DocumentHash receipt(Call call, String name) {
    return call.pathParam(name, DocumentHash::new);
  }

  private Reply attestation(Call call) {
    DocumentHash receipt = receipt(call, "receipt");
    return Reply.ok(
        Representations.attestation(
            audit
                .attestation(receipt)
                .orElseThrow(() -> new NotFoundException("attestation", receipt.hex()))));
  }

  /**
   * OGCR 4.5.3: a task follows the ledger anchoring of one decision's receipt: {@code running}
   * while queued or relayed but unconfirmed, {@code succeeded} once the ledger confirmed it, {@code
   * failed} when the ledger refused it.
   */
  private Reply task(Call call) {
    DocumentHash receipt = receipt(call, "taskId");
    Anchoring a =
        audit.anchoring(receipt).orElseThrow(() -> new NotFoundException("task", receipt.hex()));
    ObjectNode n = Representations.object();
    n.put("id", receipt.hex());
    n.put("kind", "ledger-anchoring");
    String status =
        switch (a.state()) {
          case PENDING -> "running";
          case RELAYED -> a.confirmed() ? "succeeded" : "running";
          case REFUSED -> "failed";
        };
    n.put("status", status);
    n.put(
        "progress",
        switch (a.state()) {
          case PENDING -> "queued for the ledger";
          case RELAYED ->
              a.confirmed() ? "anchored and confirmed" : "anchored, awaiting confirmation";
          case REFUSED -> "refused by the ledger";
        });
    n.put("attempts", a.attempts());
    a.lastError().ifPresent(e -> n.put("lastError", e));
    a.ledgerSequence().ifPresent(s -> n.put("ledgerSequence", s));
    n.put("attestation", "/attestations/" + receipt.hex());
    return Reply.ok(n);
  }

  private Reply conformance(Call call) {
    ObjectNode n = Representations.object();
    ArrayNode list = n.putArray("conformsTo");
    CONFORMANCE.forEach(list::add);
    return Reply.ok(n);
  }

  private static Reply openApi() {
    try (InputStream in = RegistryRoutes.class.getResourceAsStream(OPENAPI)) {
      if (in == null) {
        throw new IllegalStateException("the OpenAPI document " + OPENAPI + " is not packaged");
      }
      return new Reply(
          200, Reply.JSON, new String(in.readAllBytes(), StandardCharsets.UTF_8), Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
