package dev.hamiltorch.engine.nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which build of ND4J's natives this process loads: the oneDNN build ({@code linux-x86_64-onednn-avx2},
 * whose convolution and pooling kernels made the MNIST CNN's gradient about 4× faster here, see
 * docs/engine.md) when its jar is on the class path and the CPU has AVX2, else ND4J's default build.
 *
 * <p>JavaCPP picks the build from the system property {@value #PROPERTY} when ND4J first loads, so the
 * choice is made before that, once. A value the user set (the empty string selects the default build)
 * is never overridden.
 */
public final class Nd4jNatives {

    /** JavaCPP's system property naming the natives' build (its classifier's suffix). */
    public static final String PROPERTY = "org.bytedeco.javacpp.platform.extension";
    /** The oneDNN build for AVX2 CPUs. */
    public static final String ONEDNN_AVX2 = "-onednn-avx2";

    private static final Logger LOG = LoggerFactory.getLogger(Nd4jNatives.class);
    private static final String ONEDNN_LIBRARY =
            "org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64" + ONEDNN_AVX2 + "/libjnind4jcpu.so";
    private static final String SELECTED = choose();

    private Nd4jNatives() {
    }

    /**
     * Makes the choice (before ND4J loads; later calls do nothing) and returns the build's suffix: "" for
     * ND4J's default natives, {@value #ONEDNN_AVX2} for oneDNN's.
     */
    public static String select() {
        return SELECTED;
    }

    /** Whether the natives chosen are a oneDNN build (by the user or by {@link #select()}). */
    public static boolean oneDnn() {
        return SELECTED.contains("onednn");
    }

    private static String choose() {
        String given = System.getProperty(PROPERTY);
        if (given != null) {
            return given;
        }
        boolean onClassPath = Nd4jNatives.class.getClassLoader().getResource(ONEDNN_LIBRARY) != null;
        if (onClassPath && linuxX86WithAvx2()) {
            System.setProperty(PROPERTY, ONEDNN_AVX2);
            LOG.debug("ND4J natives: oneDNN build ({}={})", PROPERTY, ONEDNN_AVX2);
            return ONEDNN_AVX2;
        }
        LOG.debug("ND4J natives: default build (oneDNN jar on the class path: {})", onClassPath);
        return "";
    }

    /** Whether this is Linux on x86-64 with AVX2 (read from /proc/cpuinfo's flags). */
    private static boolean linuxX86WithAvx2() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return false;
        }
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("flags")).findFirst()
                    .map(l -> (" " + l + " ").contains(" avx2 ")).orElse(false);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
