package dev.lamina.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.sweep.SweepJob;
import dev.lamina.sweep.ThreadEngine;
import dev.lamina.yaml.SpecReader;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark standalone cluster on this machine: a master and two workers, each its own JVM
 * started from the Maven test class path (a fake SPARK_HOME whose jars/ links the Maven jars), the
 * sweep submitted to it from this JVM as the driver, and one worker killed in the middle of the
 * sweep. Spark reschedules the lost runs on the surviving worker; every run is deterministic, so
 * sweep.csv is still the local sweep's.
 */
@Tag("spark")
class StandaloneClusterTest {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final String MASTER = "org.apache.spark.deploy.master.Master";
  private static final String WORKER = "org.apache.spark.deploy.worker.Worker";
  /** 2 x 2 cells x 3 seeds = 12 runs of 8 epochs: several seconds of work, so a kill lands mid-sweep. */
  private static final String GRID = "kernel_initializer: [random_uniform, he_uniform]\nactivation: [relu, tanh]\nseeds: 3";

  @TempDir
  Path dir;

  private final List<Process> processes = new ArrayList<>();
  private final List<ProcessHandle> children = new ArrayList<>();

  @Test
  void aSweepSurvivesAKilledWorkerAndMatchesTheLocalSweep() throws Exception {
    Path spec = TestSpark.writeSpec(dir, GRID, 8);
    Path local = dir.resolve("local");
    SweepJob.run(SpecReader.read(spec), new SweepJob.Options(local, null, null, null), new ThreadEngine(2), n -> r -> { });

    List<String> classPath = List.of(System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path")).split(File.pathSeparator));
    Path home = fakeSparkHome(classPath);
    int port = freePort();
    String url = "spark://127.0.0.1:" + port;
    JavaSparkContext sc = null;
    try {
      Process master = start(home, "master", MASTER, "--host", "127.0.0.1", "--port", Integer.toString(port),
          "--webui-port", Integer.toString(freePort()));
      List<Process> workers = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        workers.add(start(home, "worker-" + w, WORKER, "--host", "127.0.0.1", "--cores", "1", "--memory", "1g",
            "--webui-port", Integer.toString(freePort()), "--work-dir", dir.resolve("work-" + w).toString(), url));
      }
      awaitLog(dir.resolve("master.log"), "Registering worker", 2, master);

      List<String> dirs = new ArrayList<>();
      for (String e : classPath) {
        if (Files.isDirectory(Path.of(e))) {
          dirs.add(e);
        }
      }
      SparkConf conf = new SparkConf().setAppName("StandaloneClusterTest").setMaster(url)
          .set("spark.ui.enabled", "false")
          .set("spark.driver.host", "127.0.0.1")
          .set("spark.driver.bindAddress", "127.0.0.1")
          .set("spark.executor.memory", "512m")
          .set("spark.executor.cores", "1")
          .set("spark.cores.max", "2")
          // The worker's jars/ holds every jar; Lamina's own classes come from the build folders.
          .set("spark.executor.extraClassPath", String.join(File.pathSeparator, dirs));
      sc = new JavaSparkContext(conf);
      sc.setLogLevel("WARN");
      awaitExecutors(sc, 2);

      CountDownLatch twoRunsDone = new CountDownLatch(2);
      AtomicInteger removed = new AtomicInteger();
      AtomicInteger failedTasks = new AtomicInteger();
      Set<String> executorsUsed = java.util.Collections.synchronizedSet(new HashSet<>());
      sc.sc().addSparkListener(new SparkListener() {
        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
          executorsUsed.add(end.taskInfo().executorId());
          if (end.taskInfo().successful()) {
            twoRunsDone.countDown();
          } else {
            failedTasks.incrementAndGet();
          }
        }

        @Override
        public void onExecutorRemoved(SparkListenerExecutorRemoved event) {
          removed.incrementAndGet();
        }
      });

      Path onCluster = dir.resolve("cluster");
      JavaSparkContext driver = sc;
      CompletableFuture<SweepJob.Outcome> sweep = CompletableFuture.supplyAsync(
          () -> SparkSweep.run(driver, spec, new SweepJob.Options(onCluster, null, null, null), null, true));
      assertThat(twoRunsDone.await(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("two runs finished").isTrue();
      Process victim = workers.get(0);
      children.addAll(victim.descendants().toList());
      victim.destroyForcibly().waitFor();
      SweepJob.Outcome o = sweep.get(120, TimeUnit.SECONDS);

      assertThat(o.results()).hasSize(12);
      assertThat(TestSpark.csvWithoutTiming(onCluster)).isEqualTo(TestSpark.csvWithoutTiming(local));
      assertThat(removed.get()).as("executors lost with the killed worker").isGreaterThanOrEqualTo(1);
      assertThat(executorsUsed).as("executors that ran tasks").hasSizeGreaterThanOrEqualTo(2);
      System.out.println("cluster sweep: " + o.seconds() + " s, executors used " + executorsUsed + ", executors removed "
          + removed.get() + ", failed task attempts " + failedTasks.get());
    } finally {
      if (sc != null) {
        sc.close();
      }
      for (Process p : processes) {
        children.addAll(p.descendants().toList());
      }
      for (Process p : processes) {
        p.destroyForcibly();
      }
      for (ProcessHandle h : children) {
        h.destroyForcibly();
      }
      for (Process p : processes) {
        p.waitFor(10, TimeUnit.SECONDS);
      }
      unlinkJars(home);
    }
  }

  /** Removes the links before JUnit cleans the folder (it warns about every link it deletes). */
  private static void unlinkJars(Path home) throws IOException {
    try (var links = Files.list(home.resolve("jars"))) {
      for (Path l : links.toList()) {
        Files.deleteIfExists(l);
      }
    }
  }

  /** A SPARK_HOME whose jars/ links every jar of the test class path (Spark's and Lamina's dependencies). */
  private Path fakeSparkHome(List<String> classPath) throws IOException {
    Path home = dir.resolve("spark-home");
    Path jars = Files.createDirectories(home.resolve("jars"));
    for (String e : classPath) {
      Path p = Path.of(e);
      if (e.endsWith(".jar") && Files.isRegularFile(p) && !Files.exists(jars.resolve(p.getFileName()))) {
        Files.createSymbolicLink(jars.resolve(p.getFileName()), p.toAbsolutePath());
      }
    }
    return home;
  }

  private Process start(Path home, String name, String mainClass, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-Xmx512m", "-cp", home.resolve("jars") + File.separator + "*", mainClass));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile());
    pb.environment().put("SPARK_HOME", home.toString());
    pb.environment().put("SPARK_SCALA_VERSION", "2.13");
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process p = pb.start();
    processes.add(p);
    return p;
  }

  private static void awaitLog(Path log, String text, int times, Process owner) throws Exception {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      String s = Files.exists(log) ? Files.readString(log) : "";
      if (s.split(text, -1).length - 1 >= times) {
        return;
      }
      if (!owner.isAlive()) {
        throw new AssertionError(log + " ended early:\n" + s);
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no " + times + " x '" + text + "' in " + log + ":\n" + Files.readString(log));
  }

  private static void awaitExecutors(JavaSparkContext sc, int n) throws InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    // getExecutorInfos counts the driver too.
    while (sc.sc().statusTracker().getExecutorInfos().length < n + 1) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("only " + (sc.sc().statusTracker().getExecutorInfos().length - 1) + " executors registered");
      }
      Thread.sleep(200);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
