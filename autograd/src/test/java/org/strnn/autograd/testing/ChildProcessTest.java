package org.strnn.autograd.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.strnn.autograd.testing.ChildProcess.run;

import java.io.File;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.strnn.autograd.testing.ChildProcess.Finished;

class ChildProcessTest {

    @Test
    void aChildThatOutlivesItsLimitIsKilledWithItsDescendantsAndTheTestFails() throws Exception {
        assumeTrue(new File("/bin/sh").canExecute(), "needs /bin/sh");
        // The shell starts a grandchild that would sleep for ten minutes, prints its pid and waits
        // for it, keeping stdout open all the while: reading stdout to its end would never return.
        ProcessBuilder sleeper = new ProcessBuilder("/bin/sh", "-c", "sleep 600 & echo $!; wait");
        long start = System.nanoTime();
        AssertionError timedOut = assertThrows(AssertionError.class, () -> run(sleeper, Duration.ofSeconds(2)));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 60, "the limit fired after " + seconds + " s");
        String message = timedOut.getMessage();
        assertTrue(message.startsWith("timed out after 2 s, killed with its 1 descendant(s): /bin/sh -c"), message);
        long grandchild = Long.parseLong(message.substring(message.indexOf("output so far:\n") + 15).strip());
        Optional<ProcessHandle> left = ProcessHandle.of(grandchild);
        if (left.isPresent()) {
            try {
                left.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (TimeoutException stillRunning) {
                left.get().destroyForcibly();
                fail("the grandchild " + grandchild + " outlived its parent's timeout");
            }
        }
        // A child that ends in time gives its exit code and its output.
        Finished ok = run(new ProcessBuilder("/bin/sh", "-c", "echo hello; exit 3"), Duration.ofSeconds(60));
        assertEquals(3, ok.exitCode());
        assertEquals("hello\n", ok.output());
    }
}
