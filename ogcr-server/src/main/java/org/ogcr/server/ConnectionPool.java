package org.ogcr.server;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A minimal connection pool over another data source, as a server would keep one: closing a
 * connection rolls back what it left open, restores auto-commit and keeps it for the next caller;
 * at most {@code idle} connections are kept, any more are closed. At most {@code max} connections
 * are lent at once to different threads: a further caller waits for one to come back. A thread that
 * holds one already (a transaction that opens a transaction of its own, as the in-process ledger
 * does) gets another without waiting, so a thread never waits for itself; the connections open at
 * once can then exceed {@code max} by those.
 */
public final class ConnectionPool implements DataSource {

  private final DataSource target;
  private final BlockingQueue<Physical> idle;

  /**
   * A connection to the database and its transaction isolation level as last read or set through
   * the pool, or -1: the PostgreSQL driver asks the server for the level at every {@code
   * getTransactionIsolation}, and the registry's data access reads it around each transaction, a
   * round trip each time. The level changes only through {@code setTransactionIsolation}, which
   * passes through here, so the pool answers from what it saw.
   */
  private static final class Physical {
    final Connection connection;
    int isolation = -1;

    Physical(Connection connection) {
      this.connection = connection;
    }
  }

  public ConnectionPool(DataSource target, int idle) {
    this(target, idle, Integer.MAX_VALUE);
  }

  /**
   * A pool that lends at most {@code max} connections at once: a further caller waits for one to
   * come back (up to {@link #WAIT}), except a thread that holds one already, which is never made to
   * wait for itself.
   */
  public ConnectionPool(DataSource target, int idle, int max) {
    if (idle < 0 || max < 1) {
      throw new IllegalArgumentException("idle must be 0 or more and max 1 or more");
    }
    this.target = target;
    this.idle = new ArrayBlockingQueue<>(Math.max(1, idle));
    this.lendable = new java.util.concurrent.Semaphore(max, true);
    this.max = max;
  }

  /** How long a caller waits for a connection when all are lent. */
  static final java.time.Duration WAIT = java.time.Duration.ofSeconds(30);

  private final java.util.concurrent.Semaphore lendable;
  private final int max;

  /** The connections each thread holds from this pool, to lend a holder another without waiting. */
  private final ThreadLocal<java.util.concurrent.atomic.AtomicInteger> heldByThread =
      ThreadLocal.withInitial(java.util.concurrent.atomic.AtomicInteger::new);

  @Override
  public Connection getConnection() throws SQLException {
    java.util.concurrent.atomic.AtomicInteger held = heldByThread.get();
    boolean permit = held.get() == 0;
    if (permit) {
      try {
        if (!lendable.tryAcquire(WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
          throw new SQLException(
              "all "
                  + max
                  + " database connections stayed in use for "
                  + WAIT.toSeconds()
                  + " s; if the database has room for more, raise --db-max-connections"
                  + " (OGCR_DB_MAX_CONNECTIONS)",
              "08001");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException("interrupted while waiting for a database connection", "08001", e);
      }
    }
    try {
      Connection leased = leaseIdleOrNew(held, permit);
      held.incrementAndGet();
      return leased;
    } catch (SQLException | RuntimeException e) {
      if (permit) {
        lendable.release();
      }
      throw e;
    }
  }

  private Connection leaseIdleOrNew(java.util.concurrent.atomic.AtomicInteger held, boolean permit)
      throws SQLException {
    Physical physical = idle.poll();
    if (physical == null) {
      physical = new Physical(target.getConnection());
    }
    return lease(physical, held, permit);
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("a pooled data source has one set of credentials");
  }

  /** Closes the idle connections. */
  public void closeIdle() throws SQLException {
    for (Physical p = idle.poll(); p != null; p = idle.poll()) {
      p.connection.close();
    }
  }

  /**
   * @param held the count of connections the leasing thread holds, less one on close (from
   *     whichever thread closes)
   * @param permit whether this lease took one of the {@code max} permits, given back on close
   */
  private Connection lease(
      Physical pooled, java.util.concurrent.atomic.AtomicInteger held, boolean permit) {
    Connection physical = pooled.connection;
    InvocationHandler handler =
        new InvocationHandler() {
          private final java.util.concurrent.atomic.AtomicBoolean closed =
              new java.util.concurrent.atomic.AtomicBoolean();

          @Override
          public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
              case "close":
                if (closed.compareAndSet(false, true)) {
                  try {
                    giveBack(pooled);
                  } finally {
                    held.decrementAndGet();
                    if (permit) {
                      lendable.release();
                    }
                  }
                }
                return null;
              case "isClosed":
                return closed.get() || physical.isClosed();
              case "equals":
                return proxy == args[0];
              case "hashCode":
                return System.identityHashCode(proxy);
              case "toString":
                return "pooled " + physical;
              default:
                if (closed.get()) {
                  throw new SQLException("connection returned to the pool", "08003");
                }
                if (method.getName().equals("getTransactionIsolation")) {
                  if (pooled.isolation < 0) {
                    pooled.isolation = physical.getTransactionIsolation();
                  }
                  return pooled.isolation;
                }
                if (method.getName().equals("setTransactionIsolation")) {
                  int level = (Integer) args[0];
                  if (level != pooled.isolation) {
                    physical.setTransactionIsolation(level);
                    pooled.isolation = level;
                  }
                  return null;
                }
                try {
                  return method.invoke(physical, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
            }
          }
        };
    return (Connection)
        Proxy.newProxyInstance(
            ConnectionPool.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
  }

  private void giveBack(Physical pooled) throws SQLException {
    Connection physical = pooled.connection;
    try {
      if (!physical.isClosed() && !physical.getAutoCommit()) {
        physical.rollback();
        physical.setAutoCommit(true);
      }
    } catch (SQLException broken) {
      physical.close();
      return;
    }
    if (physical.isClosed() || !idle.offer(pooled)) {
      physical.close();
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return target.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    target.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    target.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return target.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return target.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    return target.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || target.isWrapperFor(iface);
  }
}
