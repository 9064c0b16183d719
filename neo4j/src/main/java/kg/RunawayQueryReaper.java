package kg;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.kernel.api.KernelTransactionHandle;
import org.neo4j.kernel.api.TerminationMark;
import org.neo4j.kernel.api.exceptions.Status;
import org.neo4j.kernel.api.query.ExecutingQuery;
import org.neo4j.kernel.impl.api.KernelTransactions;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Stops the threads of queries Neo4j cannot stop by itself.
 *
 * <p>Neo4j terminates a transaction (time-out, closed connection, TERMINATE) by marking it; the query
 * notices the mark when it next touches the store. A loop that computes only over values — reduce, a
 * list comprehension or any()/all() over range(), a list or string built up in memory — never touches
 * the store: it ignores the mark and holds a CPU, and memory Neo4j does not count against its
 * transaction limits, until it finishes, which may be never. Two rules:
 *
 * <ul>
 *   <li>every second: a query whose transaction was marked more than {@code graceSeconds} ago and
 *       still runs has its thread stopped;
 *   <li>after every garbage collection: when the heap is still more than {@value #FULL_AFTER_GC} full,
 *       or more than {@value #FULL_AFTER_HUGE_GC} full after a collection forced by a huge allocation
 *       (a string or list of megabytes, which ordinary reads never make), it is filling with what
 *       nobody tracks (tracked transaction memory is capped at half the heap, neo4j/local.ts): every
 *       running console query (its transaction metadata says {@code app: diplomatic-kg-console}, see
 *       graph/console.ts) is terminated and its thread stopped, before the JVM spends its time
 *       collecting garbage and every other query waits.
 * </ul>
 *
 * <p>Stopping a thread (Thread.stop, Java 17–19) fails its query; Bolt answers the client with an
 * error, the transaction rolls back and its memory is freed. A thread inside the store, locks or the
 * page cache at that moment is left for the next round. Where Thread.stop is gone (Java 20+), the JVM
 * exits with code 3 instead, so its supervisor restarts it.
 */
final class RunawayQueryReaper {
  static final String CONSOLE_APP = "diplomatic-kg-console";
  private static final double FULL_AFTER_GC = 0.70;
  private static final double FULL_AFTER_HUGE_GC = 0.45;
  private static final List<String> UNSAFE_FRAMES = List.of("org.neo4j.io.", "org.neo4j.lock.", "org.neo4j.kernel.impl.locking.", "org.neo4j.kernel.impl.transaction.", "org.neo4j.kernel.impl.store.");

  private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());

  private final DatabaseManagementService dbms;
  private final long graceNanos;

  private RunawayQueryReaper(DatabaseManagementService dbms, long graceSeconds) {
    this.dbms = dbms;
    this.graceNanos = TimeUnit.SECONDS.toNanos(graceSeconds);
  }

  static void start(DatabaseManagementService dbms, long graceSeconds) {
    RunawayQueryReaper reaper = new RunawayQueryReaper(dbms, graceSeconds);
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (collector instanceof NotificationEmitter) ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> reaper.afterCollection(notification), null, null);
    }
    Thread thread = new Thread(reaper::loop, "kg-runaway-query-reaper");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    while (true) {
      try {
        Thread.sleep(1_000);
        for (KernelTransactionHandle tx : transactions()) check(tx, false);
      } catch (InterruptedException stop) {
        return;
      } catch (RuntimeException error) {
        // A database starting or stopping: try again next round.
      }
    }
  }

  private void afterCollection(Notification notification) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) return;
    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
        .filter(pool -> HEAP_POOLS.contains(pool.getKey())).mapToLong(pool -> pool.getValue().getUsed()).sum();
    double full = info.getGcCause().contains("Humongous") ? FULL_AFTER_HUGE_GC : FULL_AFTER_GC;
    if (used <= full * Runtime.getRuntime().maxMemory()) return;
    try {
      for (KernelTransactionHandle tx : transactions()) check(tx, true);
    } catch (RuntimeException error) {
      // As in loop().
    }
  }

  private List<KernelTransactionHandle> transactions() {
    return dbms.listDatabases().stream()
        .map(name -> (GraphDatabaseAPI) dbms.database(name))
        .filter(db -> db.isAvailable())
        .flatMap(db -> db.getDependencyResolver().resolveDependency(KernelTransactions.class).activeTransactions().stream())
        .collect(Collectors.toList());
  }

  private void check(KernelTransactionHandle tx, boolean heapFull) {
    Optional<ExecutingQuery> query = tx.executingQuery();
    if (query.isEmpty() || tx.isClosing()) return;
    Optional<TerminationMark> mark = tx.terminationMark();
    String why;
    if (heapFull && isConsoleQuery(tx)) {
      tx.markForTermination(Status.General.OutOfMemoryError);
      why = "the heap stays full after garbage collection";
    } else if (mark.isPresent() && System.nanoTime() - mark.get().getTimestampNanos() >= graceNanos) {
      why = "it was terminated " + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - mark.get().getTimestampNanos()) + " s ago and still runs";
    } else {
      return;
    }
    String threadName = query.get().threadExecutingTheQueryName();
    Thread thread = uniqueThread(threadName);
    if (thread == null || insideTheStore(thread) || !runningCypher(thread)) return;
    // Looking took a while: if the query has ended meanwhile, its Bolt thread may be serving another
    // client's query, which must not be stopped. Stop only if the thread still runs this very query.
    Optional<ExecutingQuery> still = tx.executingQuery();
    if (tx.isClosing() || still.isEmpty() || !still.get().id().equals(query.get().id()) || !threadName.equals(still.get().threadExecutingTheQueryName())) return;
    String text = query.get().rawQueryText().replaceAll("\\s+", " ");
    System.out.println("REAPER stopping the query in " + thread.getName() + " (" + why + "): " + (text.length() > 200 ? text.substring(0, 200) + "…" : text));
    System.out.flush();
    stop(thread);
  }

  private static boolean isConsoleQuery(KernelTransactionHandle tx) {
    Map<String, Object> metadata = tx.getMetaData();
    return metadata != null && CONSOLE_APP.equals(metadata.get("app"));
  }

  private static Thread uniqueThread(String name) {
    List<Thread> named = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).collect(Collectors.toList());
    return named.size() == 1 ? named.get(0) : null;
  }

  /** The thread is inside Cypher's runtime now (not in Bolt's I/O between two queries). */
  private static boolean runningCypher(Thread thread) {
    for (StackTraceElement frame : thread.getStackTrace()) {
      if (frame.getClassName().startsWith("org.neo4j.cypher.")) return true;
    }
    return false;
  }

  private static boolean insideTheStore(Thread thread) {
    for (StackTraceElement frame : thread.getStackTrace()) {
      for (String prefix : UNSAFE_FRAMES) if (frame.getClassName().startsWith(prefix)) return true;
    }
    return false;
  }

  @SuppressWarnings({"deprecation", "removal"})
  private static void stop(Thread thread) {
    try {
      thread.stop();
    } catch (UnsupportedOperationException gone) {
      Launcher.fatal("a query that cannot be terminated keeps running and this Java cannot stop its thread");
    }
  }
}
