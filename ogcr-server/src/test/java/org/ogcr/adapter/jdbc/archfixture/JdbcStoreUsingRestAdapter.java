package org.ogcr.adapter.jdbc.archfixture;

import org.ogcr.adapter.rest.archfixture.RestRouteFixture;

/** Fixture: one adapter (JDBC) importing another (REST). */
public final class JdbcStoreUsingRestAdapter {
  public String render(RestRouteFixture route, String id) {
    return route.get(id);
  }
}
