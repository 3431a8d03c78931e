package org.ogcr.adapter.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * One registry database: its engine, its schema (migrated by Flyway on open, never changed
 * otherwise) and the transactions the stores run in.
 */
public final class JdbcDatabase {

  private final DataSource dataSource;
  private final Engine engine;
  private final Jdbi jdbi;
  private final JdbcUnitOfWork unitOfWork;

  private JdbcDatabase(DataSource dataSource, Engine engine) {
    this.dataSource = dataSource;
    this.engine = engine;
    this.jdbi = Jdbi.create(dataSource);
    this.unitOfWork = new JdbcUnitOfWork(jdbi, engine);
  }

  /**
   * Opens a database behind {@code dataSource} (H2 or PostgreSQL) and brings its schema up to date.
   */
  public static JdbcDatabase open(DataSource dataSource) {
    Engine engine;
    try (Connection c = dataSource.getConnection()) {
      engine = Engine.of(c);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot connect to the database: " + e.getMessage(), e);
    }
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration/common", engine.migrations())
        .load()
        .migrate();
    return new JdbcDatabase(dataSource, engine);
  }

  /**
   * The embedded default: an H2 file database {@code ogcr} under {@code dataDirectory}, behind a
   * pool of connections (H2 closes a file database when its last connection closes; the pool keeps
   * it open, so transactions do not reopen it).
   */
  public static JdbcDatabase h2File(Path dataDirectory) {
    return open(h2FilePool(dataDirectory));
  }

  /**
   * The pooled data source of the H2 file database under {@code dataDirectory}, for a process that
   * opens it more than once (two application stacks in one test, for example).
   */
  public static JdbcConnectionPool h2FilePool(Path dataDirectory) {
    JdbcConnectionPool pool =
        JdbcConnectionPool.create(
            "jdbc:h2:file:" + dataDirectory.toAbsolutePath().resolve("ogcr") + h2Options(),
            "ogcr",
            "");
    pool.setMaxConnections(64);
    return pool;
  }

  /** A private H2 database in memory, alive while the JVM runs: for tests and trials. */
  public static JdbcDatabase h2Memory(String name) {
    return open(h2("jdbc:h2:mem:" + name + h2Options() + ";DB_CLOSE_DELAY=-1"));
  }

  private static String h2Options() {
    return ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000";
  }

  private static DataSource h2(String url) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(url);
    ds.setUser("ogcr");
    ds.setPassword("");
    return ds;
  }

  public Engine engine() {
    return engine;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public JdbcUnitOfWork unitOfWork() {
    return unitOfWork;
  }

  public DataSource dataSource() {
    return dataSource;
  }
}
