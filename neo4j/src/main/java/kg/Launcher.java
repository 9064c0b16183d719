package kg;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.event.DatabaseEventContext;
import org.neo4j.graphdb.event.DatabaseEventListenerAdapter;
import org.neo4j.io.ByteUnit;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Starts an embedded Neo4j Community with Bolt on 127.0.0.1 and keeps it up until the parent process
 * goes away. Usage: Launcher <home-dir> <bolt-port> <plugins-dir> [page-cache-MiB [settings-file]].
 * The settings file (neo4j.conf syntax) carries what the caller tunes: memory limits, timeouts.
 *
 * The JVM stops when its standard input closes: the Node process that started it holds the other end
 * of that pipe, so even a SIGKILLed parent leaves no orphan JVM behind. SIGTERM/SIGINT also stop it
 * cleanly through the shutdown hook.
 *
 * An OutOfMemoryError inside a query is answered to that query's client (Neo4j's Bolt layer reports
 * it as Neo.TransientError.General.OutOfMemoryError) and the heap is free again once the query has
 * unwound, so the JVM runs without -XX:+ExitOnOutOfMemoryError. What cannot be answered that way
 * ends the JVM with exit code 3 for its supervisor to restart: a database panic, or an error such as
 * an OutOfMemoryError that kills one of Neo4j's own threads.
 */
public final class Launcher {
  /** How long a terminated query may keep running before its thread is stopped (RunawayQueryReaper). */
  private static final long REAPER_GRACE_SECONDS = 5;

  public static void main(String[] args) throws Exception {
    if (args.length < 3 || args.length > 5) {
      System.err.println("usage: Launcher <home-dir> <bolt-port> <plugins-dir> [page-cache-MiB [settings-file]]");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    Path plugins = Path.of(args[2]).toAbsolutePath();
    // The page cache holds the store in memory; a graph larger than it reads from disk on every miss.
    long pageCacheMiB = args.length >= 4 ? Long.parseLong(args[3]) : 512;

    Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
      if (error instanceof VirtualMachineError) fatal(error + " in thread " + thread.getName());
      else error.printStackTrace();
    });

    DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home);
    if (args.length == 5) builder.loadPropertiesFromFile(Path.of(args[4]));
    DatabaseManagementService dbms = builder
        // Neo4j's own warnings and errors go to our output, which the parent appends to neo4j.log.
        .setUserLogProvider(new Log4jLogProvider(System.out, Level.WARN))
        .addDatabaseListener(new DatabaseEventListenerAdapter() {
          @Override
          public void databasePanic(DatabaseEventContext event) {
            fatal("database " + event.getDatabaseName() + " panicked and needs a restart");
          }
        })
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
        // Local, loopback-only database for development and tests: no auth to set up.
        .setConfig(GraphDatabaseSettings.auth_enabled, false)
        .setConfig(GraphDatabaseSettings.plugin_dir, plugins)
        .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*"))
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMiB))
        .build();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      dbms.shutdown();
      stopped.countDown();
    }, "neo4j-shutdown"));

    RunawayQueryReaper.start(dbms, REAPER_GRACE_SECONDS);

    String version = org.neo4j.kernel.internal.Version.getNeo4jVersion();
    System.out.println("READY bolt://127.0.0.1:" + port + " neo4j " + version);
    System.out.flush();

    // Block until the parent closes our stdin (or dies), then exit; the hook shuts Neo4j down.
    InputStream in = System.in;
    byte[] buf = new byte[256];
    while (in.read(buf) >= 0) {
      // Anything written to us is ignored; only end-of-file matters.
    }
    System.exit(0);
  }

  /** Ends the JVM at once (no shutdown hook: a panicked database may not shut down cleanly). */
  static void fatal(String why) {
    System.out.println("FATAL " + why);
    System.out.flush();
    Runtime.getRuntime().halt(3);
  }
}
