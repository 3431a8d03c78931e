package org.ogcr.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The server's connection pool: it lends at most its maximum at once and makes a further caller
 * wait, never a thread for itself; and it answers the transaction isolation level from what it saw
 * instead of asking the database each time.
 */
class ConnectionPoolTest {

  /** An H2 database in memory, counting how often a connection is asked its isolation level. */
  private static final class Counted {
    final AtomicInteger isolationAsked = new AtomicInteger();
    final AtomicInteger opened = new AtomicInteger();
    final DataSource source;

    Counted(String name) {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
      source =
          (DataSource)
              Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {DataSource.class},
                  (proxy, method, args) -> {
                    Object result = invoke(h2, method, args);
                    if (method.getName().equals("getConnection")) {
                      opened.incrementAndGet();
                      return counting((Connection) result);
                    }
                    return result;
                  });
    }

    private Connection counting(Connection physical) {
      return (Connection)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {Connection.class},
              (proxy, method, args) -> {
                if (method.getName().equals("getTransactionIsolation")) {
                  isolationAsked.incrementAndGet();
                }
                return invoke(physical, method, args);
              });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args)
        throws Throwable {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }

  @Test
  void givenAllConnectionsLent_aFurtherCallerWaits_untilOneComesBack() throws Exception {
    ConnectionPool pool = new ConnectionPool(new Counted("lent").source, 2, 2);
    Connection first = pool.getConnection();
    Connection held = onAThreadOfItsOwn(() -> take(pool)).get(10, TimeUnit.SECONDS);
    CompletableFuture<Connection> third = onAThreadOfItsOwn(() -> take(pool));
    Thread.sleep(300);
    assertThat(third).as("a third caller waits while two connections are lent").isNotDone();

    first.close();
    Connection late = third.get(10, TimeUnit.SECONDS);
    assertThat(late.isClosed()).isFalse();
    late.close();
    held.close();
    pool.closeIdle();
  }

  @Test
  void aThreadHoldingAConnection_getsAnotherWithoutWaitingForItself() throws Exception {
    ConnectionPool pool = new ConnectionPool(new Counted("nested").source, 1, 1);
    try (Connection outer = pool.getConnection();
        Connection inner = pool.getConnection()) {
      assertThat(inner.isValid(1)).isTrue();
      assertThat(outer.isValid(1)).isTrue();
    }
    // both given back: the single permit is free again for another thread
    onAThreadOfItsOwn(() -> take(pool)).get(10, TimeUnit.SECONDS).close();
    pool.closeIdle();
  }

  @Test
  void theIsolationLevel_isAskedOfTheDatabaseOncePerConnection_andSetOnlyWhenItChanges()
      throws Exception {
    Counted db = new Counted("isolation");
    ConnectionPool pool = new ConnectionPool(db.source, 1, 4);
    try (Connection c = pool.getConnection()) {
      assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
    }
    for (int i = 0; i < 10; i++) {
      try (Connection c = pool.getConnection()) {
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
      }
    }
    try (Connection c = pool.getConnection()) {
      c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
      assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
      assertThat(c.unwrap(Connection.class).getTransactionIsolation())
          .as("the database itself")
          .isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
    }
    assertThat(db.opened).hasValue(1);
    assertThat(db.isolationAsked).as("asked once, on the first lease").hasValue(1);
    pool.closeIdle();
  }

  @Test
  void aPoolOfNoConnections_isRefused() {
    assertThatThrownBy(() -> new ConnectionPool(new Counted("none").source, 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("max 1 or more");
  }

  /** Runs {@code work} on a new thread: the pool tells callers apart by thread. */
  private static <T> CompletableFuture<T> onAThreadOfItsOwn(java.util.function.Supplier<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    new Thread(
            () -> {
              try {
                result.complete(work.get());
              } catch (RuntimeException e) {
                result.completeExceptionally(e);
              }
            })
        .start();
    return result;
  }

  @Test
  void aConnectionClosedTwice_orByAnotherThread_isGivenBackOnce() throws Exception {
    ConnectionPool pool = new ConnectionPool(new Counted("twice").source, 2, 1);
    Connection c = onAThreadOfItsOwn(() -> take(pool)).get(10, TimeUnit.SECONDS);
    c.close();
    c.close();
    Connection a = pool.getConnection();
    Connection physical = a.unwrap(Connection.class);
    // the one permit is lent: another thread waits; a second given back would have let it in
    CompletableFuture<Connection> other = onAThreadOfItsOwn(() -> take(pool));
    Thread.sleep(300);
    assertThat(other).isNotDone();
    a.close();
    Connection b = other.get(10, TimeUnit.SECONDS);
    assertThat(b.unwrap(Connection.class)).isSameAs(physical);
    b.close();
    pool.closeIdle();
  }

  private static Connection take(ConnectionPool pool) {
    try {
      return pool.getConnection();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
