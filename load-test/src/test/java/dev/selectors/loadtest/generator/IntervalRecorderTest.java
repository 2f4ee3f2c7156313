package dev.selectors.loadtest.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Handing a loop's latencies to the reporter: every value in exactly one interval. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class IntervalRecorderTest {

    @Test
    void everyValueRecordedByTheLoopLandsInExactlyOneInterval() throws Exception {
        AtomicInteger wakeups = new AtomicInteger();
        IntervalRecorder recorder = new IntervalRecorder(wakeups::incrementAndGet);
        int values = 200_000;
        AtomicBoolean done = new AtomicBoolean();
        Thread loop = new Thread(() -> {
            for (int i = 1; i <= values; i++) {
                recorder.record(i);
                if (i % 100 == 0) {
                    recorder.answer(); // what a loop does after each select
                }
            }
            recorder.loopEnded();
            done.set(true);
        });
        loop.start();
        Recording all = new Recording();
        Recording recycled = new Recording();
        int intervals = 0;
        while (!done.get()) {
            recycled = recorder.take(recycled);
            all.add(recycled);
            intervals++;
        }
        loop.join();
        all.add(recorder.take(recycled));
        assertEquals(values, all.messages());
        assertEquals(values, all.latency.getMaxValue(), 0.001 * values);
        assertEquals(1, all.latency.getMinValue());
        assertEquals(intervals + 1, wakeups.get());
    }

    @Test
    void aLoopThatEndedWithoutAnsweringStillHandsOverWhatItRecorded() throws Exception {
        IntervalRecorder recorder = new IntervalRecorder(() -> { });
        recorder.record(5_000);
        recorder.record(7_000);
        recorder.loopEnded();
        Recording first = recorder.take(new Recording());
        assertEquals(2, first.messages());
        // Nothing more was recorded: the next interval is empty, and taking it does not wait.
        assertEquals(0, recorder.take(new Recording()).messages());
    }
}
