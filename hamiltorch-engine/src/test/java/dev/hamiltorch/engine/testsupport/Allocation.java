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

    public static long bytesAllocatedBy(Runnable work) {
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
