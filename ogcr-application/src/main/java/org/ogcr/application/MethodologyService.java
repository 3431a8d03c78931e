package org.ogcr.application;

import static org.ogcr.application.Access.requireRole;

import java.util.List;
import java.util.Map;
import org.ogcr.domain.audit.Attestation;
import org.ogcr.domain.methodology.Methodology;
import org.ogcr.port.in.MethodologyUseCases;
import org.ogcr.port.in.Principal;
import org.ogcr.port.in.Receipted;
import org.ogcr.port.in.Role;
import org.ogcr.port.out.DrivenPorts;

/** The methodology catalogue through the driven ports. */
final class MethodologyService implements MethodologyUseCases {

  private final DrivenPorts ports;
  private final Decisions decisions;
  private final Attestor attestor;

  MethodologyService(DrivenPorts ports, Decisions decisions, Attestor attestor) {
    this.ports = ports;
    this.decisions = decisions;
    this.attestor = attestor;
  }

  @Override
  public Receipted<Methodology> register(RegisterMethodology c) {
    Principal who = c.principal();
    return decisions.decide(
        who,
        "methodology.register",
        "methodology",
        now -> {
          requireRole(who, "registering a methodology", Role.ADMINISTRATOR);
          Methodology m = ports.documents().readMethodology(c.json());
          ports.methodologies().insert(m, c.json());
          Attestation a =
              attestor.attest(
                  "methodology.registered",
                  "methodology/" + m.ref().id() + "/" + m.ref().version(),
                  now,
                  who,
                  Map.of(
                      "status", m.status().name(),
                      "projectTypes", String.join(",", m.projectTypes())));
          return new Decisions.Outcome<>(
              new Receipted<>(m, a), m.ref() + " receipt " + a.receipt().hex());
        });
  }

  @Override
  public List<Methodology> list() {
    return ports.methodologies().catalog().all();
  }
}
