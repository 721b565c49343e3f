package org.strnn.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark standalone cluster: a master and a worker in processes of their own, bound to
 * 127.0.0.1, with executors in further processes that the worker starts. The sweep's runs execute
 * there and must give the local engine's bits. Slow (JVM start-ups): {@code mvn verify -Pspark,slow}.
 */
@Tag("slow")
class SparkStandaloneTest {

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aStandaloneMasterAndWorkerGiveTheLocalEnginesBits() throws Exception {
        String classPath = System.getProperty("java.class.path");
        String jvmOptions = System.getProperty("spark.test.jvm.options", "");
        // The worker builds its executors' class path from SPARK_HOME/jars plus the application's
        // extra class path; the jars here come from the test class path, so SPARK_HOME/jars is empty.
        Path sparkHome = Files.createDirectories(tmp.resolve("spark-home").resolve("jars")).getParent();
        int masterPort = freePort();
        String master = "spark://127.0.0.1:" + masterPort;
        List<Process> daemons = new ArrayList<>();
        try {
            daemons.add(start(classPath, jvmOptions, sparkHome, "master", "org.apache.spark.deploy.master.Master",
                    "--host", "127.0.0.1", "--port", Integer.toString(masterPort), "--webui-port",
                    Integer.toString(freePort())));
            daemons.add(start(classPath, jvmOptions, sparkHome, "worker", "org.apache.spark.deploy.worker.Worker",
                    "--host", "127.0.0.1", "--webui-port", Integer.toString(freePort()), "--cores", "2", "--memory",
                    "2g", "--work-dir", tmp.resolve("work").toString(), master));

            Path file = tmp.resolve("sweep.json");
            Files.writeString(file, SparkSweepTest.SWEEP);
            Path onSpark = tmp.resolve("spark");
            SparkConf conf = SparkSweepTest.testConf(master)
                    .set("spark.executor.extraClassPath", classPath)
                    .set("spark.executor.extraJavaOptions", jvmOptions)
                    .set("spark.executor.memory", "1g")
                    .set("spark.cores.max", "2");
            SparkSweep.Summary s;
            try (JavaSparkContext sc = new JavaSparkContext(conf)) {
                s = SparkSweep.run(sc, file, onSpark, false);
            }
            assertEquals(6, s.executed(), "outcomes: " + s);
            assertEquals(2, s.failed());
            SparkSweepTest.assertSameAsLocalEngine(file, onSpark, tmp.resolve("local"));
            // The runs really ran in executor processes that the worker started.
            try (var apps = Files.list(tmp.resolve("work"))) {
                assertTrue(apps.findAny().isPresent(), "the worker started no executor");
            }
        } finally {
            for (Process p : daemons) {
                p.destroy();
            }
            for (Process p : daemons) {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }

    private Process start(String classPath, String jvmOptions, Path sparkHome, String name, String mainClass,
                          String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String o : jvmOptions.split(" ")) {
            if (!o.isBlank()) {
                cmd.add(o);
            }
        }
        cmd.addAll(List.of("-Xmx512m", "-cp", classPath, mainClass));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        // Without a Spark distribution, its launcher cannot guess the Scala version from SPARK_HOME.
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        return pb.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
