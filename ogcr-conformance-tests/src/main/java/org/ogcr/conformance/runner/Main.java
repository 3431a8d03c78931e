package org.ogcr.conformance.runner;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.ogcr.conformance.CannotTell;
import org.ogcr.conformance.ConformanceClass;
import org.ogcr.conformance.Credentials;
import org.ogcr.conformance.Outcome;
import org.ogcr.conformance.Result;

/**
 * The kit's command line:
 *
 * <pre>
 * java -jar ogcr-conformance.jar &lt;base URL&gt; [--credentials FILE] [--reports DIR] [--only CLASS,…]
 * </pre>
 *
 * Exit code 0 when no test fails, 1 when one fails, 2 for a usage error, 3 when none fails but one
 * could not tell.
 */
public final class Main {

  static final String USAGE =
      "usage: java -jar ogcr-conformance.jar <base URL> [--credentials FILE] [--reports DIR]"
          + " [--only CLASS,...]\n"
          + "  <base URL>     the registry under test, e.g. https://registry.example.org\n"
          + "  --credentials  a properties file: a credential per role (see the README)\n"
          + "  --reports      where the JUnit XML and summary.json go (default: conformance-reports)\n"
          + "  --only         run these classes only: "
          + String.join(",", Kit.classes().stream().map(ConformanceClass::id).toList());

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the kit; the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    String base = null;
    Path credentialsFile = null;
    Path reports = Path.of("conformance-reports");
    Set<String> only = new TreeSet<>();
    List<String> known = Kit.classes().stream().map(ConformanceClass::id).toList();
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--credentials" -> credentialsFile = Path.of(value(args, ++i, "--credentials"));
          case "--reports" -> reports = Path.of(value(args, ++i, "--reports"));
          case "--only" -> {
            for (String c : value(args, ++i, "--only").split(",")) {
              if (!known.contains(c.trim())) {
                throw new IllegalArgumentException(
                    "--only: no class '" + c.trim() + "'; the classes are " + known);
              }
              only.add(c.trim());
            }
          }
          case "-h", "--help" -> {
            out.println(USAGE);
            return 0;
          }
          default -> {
            if (args[i].startsWith("-") || base != null) {
              throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
            }
            base = args[i];
          }
        }
      }
      if (base == null) {
        throw new IllegalArgumentException("the base URL of the registry under test is required");
      }
      URI uri = URI.create(base);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        throw new IllegalArgumentException("the base URL must be http or https: " + base);
      }
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return 2;
    }
    Credentials credentials;
    try {
      credentials =
          credentialsFile == null ? Credentials.none() : Credentials.load(credentialsFile);
    } catch (IOException e) {
      err.println("--credentials: cannot read " + credentialsFile + ": " + e.getMessage());
      return 2;
    }
    out.println("OGCR conformance kit against " + base);
    Instant at = Instant.now();
    List<Result> results;
    try {
      results = new Kit(base, credentials, out).run(only);
    } catch (CannotTell e) {
      err.println("cannot reach the registry: " + e.getMessage());
      return 3;
    }
    Reports.summary(results, out);
    try {
      Files.createDirectories(reports);
      Reports.junit(results, reports);
      Reports.json(base, at, results, reports.resolve("summary.json"));
      out.println("reports: " + reports.toAbsolutePath());
    } catch (IOException e) {
      err.println("cannot write the reports to " + reports + ": " + e.getMessage());
    }
    if (results.stream().anyMatch(r -> r.outcome() == Outcome.FAIL)) {
      return 1;
    }
    return results.stream().anyMatch(r -> r.outcome() == Outcome.CANNOT_TELL) ? 3 : 0;
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }
}
