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
import org.neo4j.io.ByteUnit;

/**
 * Starts an embedded Neo4j Community with Bolt on 127.0.0.1 and keeps it up until the parent process
 * goes away. Usage: Launcher <home-dir> <bolt-port> <plugins-dir> [page-cache-MiB].
 *
 * The JVM stops when its standard input closes: the Node process that started it holds the other end
 * of that pipe, so even a SIGKILLed parent leaves no orphan JVM behind. SIGTERM/SIGINT also stop it
 * cleanly through the shutdown hook.
 */
public final class Launcher {
  public static void main(String[] args) throws Exception {
    if (args.length < 3 || args.length > 4) {
      System.err.println("usage: Launcher <home-dir> <bolt-port> <plugins-dir> [page-cache-MiB]");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    Path plugins = Path.of(args[2]).toAbsolutePath();
    // The page cache holds the store in memory; a graph larger than it reads from disk on every miss.
    long pageCacheMiB = args.length == 4 ? Long.parseLong(args[3]) : 512;

    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
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
}
