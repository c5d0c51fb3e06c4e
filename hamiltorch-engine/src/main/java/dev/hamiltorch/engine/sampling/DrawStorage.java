package dev.hamiltorch.engine.sampling;

import dev.hamiltorch.api.model.ParameterBlock;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where a run's kept draws go: into memory (all of them, every k-th, or none) and, optionally, streamed
 * to a {@link DrawsFile} as they are made. A network's draws (hundreds of thousands of parameters × thousands
 * of draws) go to a file and are read back memory-mapped; only what {@code keepEvery} asks for stays on the heap.
 *
 * @param file the draws file to write, or null for none
 * @param precision how the file stores values
 * @param keepEvery keep every k-th kept draw in memory (1: all, the default; 0: none)
 * @param blocks the parameters' blocks written in the file's header; empty for one block {@code theta} [D]
 */
public record DrawStorage(Path file, DrawsFile.Precision precision, int keepEvery, List<ParameterBlock> blocks) {

    /** Every kept draw in memory, no file: what a run does unless told otherwise. */
    public static final DrawStorage IN_MEMORY = new DrawStorage(null, DrawsFile.Precision.FLOAT64, 1, List.of());

    /** @throws IllegalArgumentException naming a negative {@code keepEvery} */
    public DrawStorage {
        Objects.requireNonNull(precision, "precision");
        blocks = List.copyOf(blocks);
        if (keepEvery < 0) {
            throw new IllegalArgumentException("keepEvery = " + keepEvery + ": must be 0 (keep none in memory) or"
                    + " positive (keep every k-th draw)");
        }
    }

    /** The number of draws of {@code kept} that stay in memory. */
    public int rowsInMemory(int kept) {
        return rowsInMemory(kept, keepEvery);
    }

    /** The number of draws of {@code kept} that stay in memory keeping every {@code keepEvery}-th (0: none). */
    static int rowsInMemory(int kept, int keepEvery) {
        return keepEvery == 0 || kept <= 0 ? 0 : (kept + keepEvery - 1) / keepEvery;
    }

    /** The header's blocks for a target of dimension {@code d}. */
    List<ParameterBlock> blocksFor(int d) {
        return blocks.isEmpty() ? List.of(new ParameterBlock("theta", new int[] {d})) : blocks;
    }
}
