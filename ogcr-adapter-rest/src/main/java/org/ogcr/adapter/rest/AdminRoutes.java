package org.ogcr.adapter.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.port.in.AccessLogUseCases;
import org.ogcr.port.in.CredentialUseCases;
import org.ogcr.port.in.CredentialUseCases.IssueCredential;
import org.ogcr.port.in.CredentialUseCases.IssuedCredential;
import org.ogcr.port.in.CredentialUseCases.RevokeCredential;
import org.ogcr.port.in.CredentialView;
import org.ogcr.port.in.DirectoryUseCases;
import org.ogcr.port.in.NotFoundException;
import org.ogcr.port.in.Role;
import org.ogcr.port.model.AccessQuery;
import org.ogcr.port.model.AccessRecord;
import org.ogcr.port.model.KeysetPage;
import org.ogcr.port.model.KeysetRequest;

/**
 * Administration (extension): API keys and OAuth clients (OGCR 4.3: bound to an organisation,
 * scoped, rate-limited, revocable, stored hashed), and the access log administrators inspect.
 */
final class AdminRoutes {

  private final CredentialUseCases credentials;
  private final AccessLogUseCases accessLog;
  private final DirectoryUseCases directory;

  private AdminRoutes(
      CredentialUseCases credentials, AccessLogUseCases accessLog, DirectoryUseCases directory) {
    this.credentials = credentials;
    this.accessLog = accessLog;
    this.directory = directory;
  }

  static List<Route> routes(
      CredentialUseCases credentials, AccessLogUseCases accessLog, DirectoryUseCases directory) {
    AdminRoutes r = new AdminRoutes(credentials, accessLog, directory);
    return List.of(
        Route.write("POST", "/admin/credentials", "issueCredential", "admin", r::issue)
            .withoutRecording()
            .roles(Role.ADMINISTRATOR),
        Route.read("/admin/credentials", "listCredentials", "admin", r::list)
            .roles(Role.ADMINISTRATOR),
        Route.read("/admin/credentials/{credentialId}", "getCredential", "admin", r::get)
            .roles(Role.ADMINISTRATOR),
        Route.write(
                "POST",
                "/admin/credentials/{credentialId}/revoke",
                "revokeCredential",
                "admin",
                r::revoke)
            .roles(Role.ADMINISTRATOR),
        Route.read("/admin/access-log", "readAccessLog", "audit:read", r::accessLog)
            .roles(Role.ADMINISTRATOR, Role.AUDITOR),
        Route.write("PUT", "/admin/directory/{actorId}", "listActor", "admin", r::listActor)
            .roles(Role.ADMINISTRATOR),
        Route.read("/admin/directory/{actorId}", "getActor", "admin", r::actor)
            .roles(Role.ADMINISTRATOR),
        Route.write("POST", "/admin/kyc", "attestKyc", "admin", r::attestKyc)
            .roles(Role.ADMINISTRATOR, Role.OPERATOR),
        Route.read("/admin/kyc", "getKyc", "admin", r::kyc).roles(Role.ADMINISTRATOR));
  }

  static ObjectNode view(CredentialView c) {
    ObjectNode n = Representations.object();
    n.put("id", c.id());
    n.put("organisation", c.organisation().value());
    n.put("actor", c.actor().value());
    ArrayNode roles = n.putArray("roles");
    c.roles().stream().map(Role::token).sorted().forEach(roles::add);
    ArrayNode scopes = n.putArray("scopes");
    c.scopes().stream().sorted().forEach(scopes::add);
    n.put("label", c.label());
    n.put("ratePerMinute", c.ratePerMinute());
    n.put("createdAt", c.createdAt().toString());
    n.put("createdBy", c.createdBy().value());
    c.expiresAt().ifPresent(t -> n.put("expiresAt", t.toString()));
    c.revokedAt().ifPresent(t -> n.put("revokedAt", t.toString()));
    c.revokedBy().ifPresent(a -> n.put("revokedBy", a.value()));
    return n;
  }

  /** Answers the key and the client secret once; the reply is never stored or cached. */
  private Reply issue(Call call) {
    Body body = call.body();
    ActorId actor = body.required("actor", ActorId::new, "give the actor the credential acts as");
    OrganisationId organisation =
        body.required("organisation", OrganisationId::new, "give the actor's organisation");
    List<Role> roles =
        body.list(
            "roles",
            s -> Role.valueOf(s.toUpperCase(Locale.ROOT)),
            "give roles among developer, validator, verifier, operator, holder, administrator,"
                + " officer, auditor");
    List<String> scopes = body.list("scopes", s -> s, "give scopes, for example credits:write");
    String label = body.requiredText("label", "describe what the credential is for");
    int rate =
        body.optional("ratePerMinute", Integer::valueOf, "give the requests per minute it may send")
            .orElseGet(() -> RoleRates.of(roles));
    Optional<Instant> expires =
        body.optional("expiresAt", Instant::parse, "give an RFC 3339 UTC instant");
    body.check();
    IssuedCredential issued =
        credentials.issue(
            new IssueCredential(
                call.principal(),
                actor,
                organisation,
                Set.copyOf(roles),
                Set.copyOf(scopes),
                label,
                rate,
                expires));
    ObjectNode n = view(issued.credential());
    n.put("apiKey", issued.key());
    n.put("clientId", issued.credential().id());
    n.put("clientSecret", issued.secret());
    return new Reply(
        201,
        Reply.JSON,
        Reply.write(n),
        Map.of(
            "Location",
            "/admin/credentials/" + issued.credential().id(),
            "Cache-Control",
            "no-store"));
  }

  private Reply list(Call call) {
    Optional<OrganisationId> organisation =
        call.query("organisation", OrganisationId::new, "give an organisation id");
    return Reply.ok(
        Representations.list(credentials.list(call.principal(), organisation), AdminRoutes::view));
  }

  private Reply get(Call call) {
    String id = call.pathParam("credentialId");
    return Reply.ok(
        view(
            credentials
                .find(call.principal(), id)
                .orElseThrow(() -> new NotFoundException("credential", id))));
  }

  private Reply revoke(Call call) {
    String id = call.pathParam("credentialId");
    Body body = call.body();
    String reason = body.requiredText("reason", "say why, for the record");
    body.check();
    return Reply.ok(view(credentials.revoke(new RevokeCredential(call.principal(), id, reason))));
  }

  private Reply accessLog(Call call) {
    AccessQuery query =
        new AccessQuery(
            call.query("actor", ActorId::new, "give an actor id"),
            call.query("credentialId"),
            call.query(
                "outcome",
                s -> AccessRecord.Outcome.valueOf(s.toUpperCase(Locale.ROOT)),
                "give allowed, denied or failed"),
            call.queryInstant("from"),
            call.queryInstant("before"));
    int limit = call.queryInt("limit", Paging.DEFAULT_LIMIT, 1, 1000);
    KeysetPage<AccessRecord> page =
        accessLog.read(call.principal(), query, new KeysetRequest(call.query("cursor"), limit));
    return Reply.ok(
        Representations.page(
            page,
            AdminRoutes::record,
            new Representations.Links(call.path(), call.queryParamMap()),
            limit));
  }

  static ObjectNode record(AccessRecord a) {
    ObjectNode n = Representations.object();
    n.put("sequence", a.sequence());
    n.put("at", a.at().toString());
    a.actor().ifPresent(x -> n.put("actor", x.value()));
    a.organisation().ifPresent(x -> n.put("organisation", x.value()));
    a.credentialId().ifPresent(x -> n.put("credentialId", x));
    n.put("method", a.method());
    n.put("path", a.path());
    n.put("status", a.status());
    n.put("outcome", Representations.lower(a.outcome()));
    n.put("clientAddress", a.clientAddress());
    n.put("detail", a.detail());
    return n;
  }

  /** Lists an actor under an organisation: {@code {"organisation": "northwoods-trust"}}. */
  private Reply listActor(Call call) {
    ActorId actor = call.pathParam("actorId", ActorId::new);
    Body body = call.body();
    OrganisationId organisation =
        body.required("organisation", OrganisationId::new, "give the organisation it acts for");
    body.check();
    DirectoryUseCases.Listing listed =
        directory.register(
            new DirectoryUseCases.RegisterActor(call.principal(), actor, organisation));
    return Reply.ok(listing(listed));
  }

  private Reply actor(Call call) {
    requireAdministrator(call);
    ActorId actor = call.pathParam("actorId", ActorId::new);
    return Reply.ok(
        listing(
            directory
                .find(actor)
                .orElseThrow(() -> new NotFoundException("actor", actor.value()))));
  }

  private static ObjectNode listing(DirectoryUseCases.Listing l) {
    return Representations.object()
        .put("actor", l.actor().value())
        .put("organisation", l.organisation().value());
  }

  /** Records that a payee passed KYC: {@code {"party": "Abenaki Nation"}}. */
  private Reply attestKyc(Call call) {
    Body body = call.body();
    String party = body.requiredText("party", "name the payee, as the treasury template names it");
    body.check();
    return Reply.ok(
        kycJson(directory.attestKyc(new DirectoryUseCases.AttestKyc(call.principal(), party))));
  }

  private Reply kyc(Call call) {
    requireAdministrator(call);
    String party =
        call.query("party")
            .orElseThrow(
                () ->
                    ApiException.invalid(
                        "/query/party", "required", "party is required", "name the payee"));
    return Reply.ok(
        kycJson(
            directory
                .kyc(party)
                .orElseThrow(() -> new NotFoundException("KYC attestation of", party))));
  }

  private static ObjectNode kycJson(DirectoryUseCases.KycAttestation a) {
    return Representations.object()
        .put("party", a.party())
        .put("attestedBy", a.attestedBy().value())
        .put("attestedAt", a.attestedAt().toString());
  }

  /**
   * Reads of the directory and the metrics need the administrator role as well as the scope: a
   * scope says what a credential may call, the role who may see the answer.
   */
  static void requireAdministrator(Call call) {
    if (!call.principal().has(Role.ADMINISTRATOR)) {
      throw new ApiException(
          403,
          "role_required",
          call.path()
              + " is for administrators; the principal holds "
              + call.principal().roles().stream().map(Role::token).sorted().toList());
    }
  }
}
