package org.ogcr.conformance.security;

import org.ogcr.conformance.Check;
import org.ogcr.conformance.ConformanceClass;
import org.ogcr.conformance.Http;

/** Authentication and authorization (OGCR 4.3). */
public final class Security extends ConformanceClass {

  @Override
  public String id() {
    return "security";
  }

  @Override
  public String sections() {
    return "OGCR 4.3";
  }

  @Check(
      requirement = "4.3 authenticated access",
      purpose = "Nobody changes the registry without credentials.",
      method =
          "POST /projects with a valid PDD and no credentials: 401 as a problem, and nothing"
              + " created.",
      whenItFails = "the authentication of write routes")
  public void required_4_3_writesNeedCredentials() {
    registry.methodology();
    String id = registry.newProjectId();
    Http.Response r =
        registry.anonymous("POST", "/projects", registry.pdd(id, 800).toString(), "Slug", id);
    status(r, "POST /projects without credentials", 401);
    problem(r);
    require(
        registry.anonymous("GET", "/projects/" + id, null).status() == 404,
        "an unauthenticated submission creates nothing");
  }

  @Check(
      requirement = "4.3 an invalid credential",
      purpose = "A wrong or revoked key is refused, never taken as anonymous.",
      method = "POST /projects with a made-up API key: 401.",
      whenItFails = "the credential check")
  public void required_4_3_anUnknownKeyIsRefused() {
    Http.Response r =
        registry.anonymous(
            "POST", "/projects", "{}", "X-API-Key", "ogcr_kit_" + registry.run() + "_unknown");
    status(r, "POST /projects with an unknown API key", 401);
    problem(r);
  }

  @Check(
      requirement = "4.3 role-based access control",
      purpose = "Each operation is limited to the roles that may perform it.",
      method =
          "POST /projects as the validator (no developer role), its PDD naming the validator"
              + " itself as developer so that only the role can refuse it: 403 as a problem. POST a"
              + " verification as the developer (no verifier role): 403.",
      whenItFails = "the role checks of the project and verification routes")
  public void required_4_3_rolesLimitOperations() {
    registry.methodology();
    String id = registry.newProjectId();
    Http.Response r =
        registry.as(
            "validator",
            "POST",
            "/projects",
            registry.pdd(id, 801, "validator").toString(),
            "Slug",
            id);
    status(r, "POST /projects as a validator", 403);
    problem(r);
    Http.Response verify = registry.verify("developer", registry.submittedReport());
    status(verify, "verifying a report as its developer", 403);
    problem(verify);
  }

  @Check(
      requirement = "4.3 audit log",
      purpose =
          "Access decisions are logged and the log is open to authorised inspection, closed to"
              + " others.",
      method = "GET /audit/entries as the auditor: 200 with entries; without credentials: 401.",
      whenItFails = "the audit log route and its access control")
  public void required_4_3_theAuditLogIsInspectable() {
    Http.Response r = registry.as("auditor", "GET", "/audit/entries", null);
    if (r.status() == 404) {
      throw new org.ogcr.conformance.CannotTell(
          "the registry has no /audit/entries; the kit knows no other place for the audit log");
    }
    status(r, "GET /audit/entries as the auditor", 200);
    status(
        registry.anonymous("GET", "/audit/entries", null), "GET /audit/entries anonymously", 401);
  }
}
