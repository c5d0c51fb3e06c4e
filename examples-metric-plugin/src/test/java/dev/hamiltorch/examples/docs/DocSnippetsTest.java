package dev.hamiltorch.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The documents quote compiled, tested code verbatim: every {@code <!-- include: PATH#TAG -->} line in them is
 * followed by a fenced block equal to the lines between {@code // tag::TAG[]} and {@code // end::TAG[]} in
 * PATH (relative to the repository root), their common indentation removed. Edit the source, then copy it
 * into the document; this test names the first line that differs.
 */
class DocSnippetsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern INCLUDE = Pattern.compile(
            "<!-- include: ([^#\\s]+)#([\\w-]+) -->\\n```[a-z]*\\n(.*?)```", Pattern.DOTALL);

    /** The documents that quote code, and how many snippets each must have at least. */
    private static final List<String> DOCUMENTS = List.of("README.md", "docs/write-a-metric.md",
            "docs/write-a-sampler.md");

    @Test
    void everyIncludedSnippetMatchesItsSource() throws IOException {
        int checked = 0;
        for (String document : DOCUMENTS) {
            String text = Files.readString(ROOT.resolve(document));
            Matcher m = INCLUDE.matcher(text);
            int inDocument = 0;
            while (m.find()) {
                String expected = region(m.group(1), m.group(2));
                assertSame(document, m.group(1) + "#" + m.group(2), expected, m.group(3));
                inDocument++;
            }
            assertTrue(inDocument > 0, document + " quotes no code with <!-- include: PATH#TAG -->");
            checked += inDocument;
        }
        assertTrue(checked >= 7, "only " + checked + " snippets found");
    }

    /** The lines between the tag's markers in the source, dedented, each ending in a newline. */
    static String region(String path, String tag) throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve(path));
        int begin = lines.indexOf(find(lines, "// tag::" + tag + "[]", path));
        int end = lines.indexOf(find(lines, "// end::" + tag + "[]", path));
        List<String> region = new ArrayList<>(lines.subList(begin + 1, end));
        int indent = region.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        StringBuilder out = new StringBuilder();
        for (String line : region) {
            out.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return out.toString();
    }

    private static String find(List<String> lines, String marker, String path) {
        return lines.stream().filter(l -> l.strip().equals(marker)).findFirst()
                .orElseThrow(() -> new AssertionError(path + " has no line '" + marker + "'"));
    }

    private static void assertSame(String document, String snippet, String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int i = 0; i < Math.min(e.length, a.length); i++) {
            if (!e[i].equals(a[i])) {
                fail(document + " quotes " + snippet + " wrongly at its line " + (i + 1) + ":\n source:   " + e[i]
                        + "\n document: " + a[i]);
            }
        }
        assertEquals(e.length, a.length, document + " quotes " + snippet + " with " + a.length + " lines, the source"
                + " has " + e.length);
    }
}
