package org.ogcr.adapter.rest;

import java.util.ArrayList;
import java.util.List;

/** Every route of the API, in one table. */
final class ApiRoutes {

  private ApiRoutes() {}

  static List<Route> all(RestApi.Services s) {
    List<Route> all = new ArrayList<>();
    all.addAll(ProjectRoutes.routes(s.projects()));
    all.addAll(MonitoringRoutes.routes(s.monitoring(), s.audit()));
    all.addAll(CreditRoutes.routes(s.credits(), s.issuance()));
    all.addAll(IssuanceRoutes.routes(s.issuance()));
    all.addAll(RegistryRoutes.routes(s.methodologies(), s.audit()));
    all.addAll(AdminRoutes.routes(s.credentials(), s.accessLog(), s.directory()));
    return List.copyOf(all);
  }
}
