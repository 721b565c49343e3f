package org.strnn.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class LocalPoolTest {

    record Counting(String id, boolean ok, Set<String> ran) implements Job {
        @Override
        public Result run() {
            ran.add(id + "@" + Thread.currentThread().getName());
            return new Result(ok, 0.25, ok ? "fine" : "broken");
        }

        @Override
        public List<String> command() {
            return List.of();
        }
    }

    @Test
    void runsEveryJobOnceCountsFailuresAndReportsEachLine() throws InterruptedException {
        Set<String> ran = ConcurrentHashMap.newKeySet();
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            jobs.add(new Counting("j" + i, i % 3 != 0, ran));
        }
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Executor.Outcome o = new LocalPool(3, lines::add).execute(jobs);
        assertEquals(4, o.done());
        assertEquals(3, o.failed());
        assertEquals(0, o.submitted());
        assertEquals(7, ran.size(), ran.toString());
        assertEquals(7, lines.size());
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\[\\d/7\\] FAILED j3 +0\\.3 s  broken")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\[\\d/7\\] done   j1 +0\\.3 s  fine")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("[7/7] ")), lines.toString());
    }

    @Test
    void aJobThatCannotRunStopsThePoolWithItsOwnException() {
        Job broken = new Job() {
            @Override
            public String id() {
                return "x";
            }

            @Override
            public Result run() {
                throw new IllegalArgumentException("no such data");
            }

            @Override
            public List<String> command() {
                return List.of();
            }
        };
        var e = assertThrows(IllegalArgumentException.class, () -> new LocalPool(2, l -> { }).execute(List.of(broken)));
        assertEquals("no such data", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LocalPool(0, l -> { }));
    }
}
