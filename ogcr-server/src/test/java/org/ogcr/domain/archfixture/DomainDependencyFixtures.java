package org.ogcr.domain.archfixture;

import com.tngtech.archunit.core.domain.JavaClass;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.ogcr.adapter.json.archfixture.JsonCodecFixture;
import org.ogcr.domain.archfixture.model.LegalDomainValue;
import org.ogcr.port.out.archfixture.RepositoryPortFixture;
import org.ogcr.server.archfixture.ServerWiringFixture;

/** Fixtures: domain classes that depend on what the domain must not know. */
public final class DomainDependencyFixtures {

  /** A third-party library (ArchUnit, present on this test classpath). */
  public static final class UsingThirdPartyLibrary {
    public String describe(JavaClass javaClass) {
      return javaClass.getName();
    }
  }

  /** {@code javax..} is not {@code java..}. */
  public static final class UsingJavaxSql {
    public Connection open(DataSource dataSource) throws SQLException {
      return dataSource.getConnection();
    }
  }

  /** {@code java.sql} is JDK, yet the domain knows nothing of SQL. */
  public static final class UsingJavaSql {
    public boolean isOpen(Connection connection) throws SQLException {
      return !connection.isClosed();
    }
  }

  /** A class of ours outside the domain: an adapter. */
  public static final class UsingJsonAdapter {
    public String encode(LegalDomainValue value) {
      return new JsonCodecFixture().encode(value);
    }
  }

  /** A class of ours outside the domain: a port, which sits above the domain. */
  public static final class UsingPort {
    public LegalDomainValue load(RepositoryPortFixture repository, String id) {
      return repository.load(id);
    }
  }

  /** A class of ours outside the domain: the composition root. */
  public static final class UsingServer {
    public Object wire() {
      return new ServerWiringFixture();
    }
  }

  private DomainDependencyFixtures() {}
}
