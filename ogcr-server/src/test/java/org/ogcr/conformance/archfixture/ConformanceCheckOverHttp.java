package org.ogcr.conformance.archfixture;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;

/** Fixture: a conformance check that speaks HTTP only, as it should. */
public final class ConformanceCheckOverHttp {
  private final HttpClient client = HttpClient.newHttpClient();

  public HttpRequest landingPage(URI baseUrl) {
    return HttpRequest.newBuilder(baseUrl.resolve("/")).build();
  }

  public HttpClient client() {
    return client;
  }

  public ConformanceOutcome outcome() {
    return ConformanceOutcome.CANNOT_TELL;
  }
}
