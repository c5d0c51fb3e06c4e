package dev.hamiltorch.engine.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The natives' build is chosen once, before ND4J loads: a value given on the command line wins (the
 * default-natives test run gives the empty one), else the oneDNN build where its jar is on the class path
 * and the CPU has AVX2, else the default build.
 */
class Nd4jNativesTest {

    @Test
    void theChoiceIsTheCommandLinesOrOneDnnWhereTheCpuHasAvx2() throws Exception {
        String chosen = Nd4jNatives.select();
        assertEquals(chosen, System.getProperty(Nd4jNatives.PROPERTY), "the choice is JavaCPP's property");
        boolean avx2 = Files.isReadable(Path.of("/proc/cpuinfo"))
                && Files.readString(Path.of("/proc/cpuinfo")).matches("(?s).*\\bflags\\b[^\\n]*\\bavx2\\b.*")
                && System.getProperty("os.arch").matches("amd64|x86_64");
        String expected = System.getProperty("hamiltorch.test.natives");
        if (expected != null) {
            assertEquals(expected, chosen);
        } else if (!avx2) {
            assertEquals("", chosen, "no AVX2: the default build");
        }
        // with AVX2 and no choice on the command line, oneDNN's build (its jar is a test dependency)
        if (expected == null && avx2) {
            assertEquals(Nd4jNatives.ONEDNN_AVX2, chosen);
        }
        assertEquals(chosen, Nd4jNatives.select(), "chosen once");
    }
}
