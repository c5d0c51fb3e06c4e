package dev.hamiltorch.engine.testsupport;

import java.lang.reflect.Method;

/**
 * Bytes allocated by the current thread, from HotSpot's thread bean. Reached by reflection, which
 * assumes readability: the tests compile inside the engine module, which does not read
 * java.management.
 */
public final class Allocation {

    private Allocation() {
    }

    /** Bytes allocated while running {@code work}, less the (warmed-up) cost of measuring. */
    public static long bytesAllocatedBy(Runnable work) {
        long overhead = Long.MAX_VALUE;
        for (int i = 0; i < 20; i++) {
            overhead = Math.min(overhead, measure(() -> { }));
        }
        return measure(work) - overhead;
    }

    private static long measure(Runnable work) {
        try {
            Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                    .invoke(null);
            Method bytes = Class.forName("com.sun.management.ThreadMXBean").getMethod("getThreadAllocatedBytes",
                    long.class);
            long id = Thread.currentThread().getId();
            long before = (long) bytes.invoke(bean, id);
            work.run();
            return (long) bytes.invoke(bean, id) - before;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no HotSpot thread allocation counter", e);
        }
    }
}
