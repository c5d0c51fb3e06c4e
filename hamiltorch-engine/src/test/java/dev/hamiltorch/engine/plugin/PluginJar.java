package dev.hamiltorch.engine.plugin;

import dev.hamiltorch.api.spi.Metric;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds a plugin jar the way a third party would: Java sources compiled by {@code javac} against
 * nothing but hamiltorch-api, plus {@code META-INF/services} files, packed with {@code java.util.jar}.
 */
final class PluginJar {

    private final Path workDir;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, List<String>> services = new LinkedHashMap<>();

    private PluginJar(Path workDir) {
        this.workDir = workDir;
    }

    /** A jar to be built in {@code workDir}. */
    static PluginJar in(Path workDir) {
        return new PluginJar(workDir);
    }

    /** The jar or directory holding hamiltorch-api's classes: the only class path a plugin needs. */
    static Path apiLocation() {
        try {
            return Path.of(Metric.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds the source of {@code className} (fully qualified). */
    PluginJar source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    /** Declares {@code className} a provider of {@code service} in {@code META-INF/services}. */
    PluginJar provides(Class<?> service, String className) {
        services.computeIfAbsent(service.getName(), s -> new ArrayList<>()).add(className);
        return this;
    }

    /** What javac said; {@code succeeded} is false when it reported an error. */
    record Compilation(boolean succeeded, List<Diagnostic<? extends JavaFileObject>> diagnostics, String output,
                       Path classes) {

        /** The compiler's messages, one a line, in English. */
        String messages() {
            StringBuilder b = new StringBuilder(output);
            for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
                b.append(d.getKind()).append(' ').append(d.getCode()).append(": ")
                        .append(d.getMessage(Locale.ROOT)).append('\n');
            }
            return b.toString();
        }
    }

    /** Compiles the sources with {@code classPath} as the whole class path. */
    Compilation compile(List<Path> classPath) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no system Java compiler: run the tests on a JDK");
        }
        try {
            Path sourceDir = Files.createDirectories(workDir.resolve("src"));
            Path classes = Files.createDirectories(workDir.resolve("classes"));
            List<Path> files = new ArrayList<>();
            for (Map.Entry<String, String> e : sources.entrySet()) {
                Path file = sourceDir.resolve(e.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue());
                files.add(file);
            }
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            StringWriter output = new StringWriter();
            List<String> options = List.of(
                    "--release", "17",
                    "-classpath", String.join(java.io.File.pathSeparator, classPath.stream().map(Path::toString).toList()),
                    "-proc:none",
                    "-d", classes.toString());
            boolean ok;
            try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                    StandardCharsets.UTF_8)) {
                ok = javac.getTask(output, fileManager, diagnostics, options, null,
                        fileManager.getJavaFileObjectsFromPaths(files)).call();
            }
            return new Compilation(ok, diagnostics.getDiagnostics(), output.toString(), classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles against hamiltorch-api alone and packs the classes and service files into a jar. */
    Path build(String jarName) {
        Compilation compilation = compile(List.of(apiLocation()));
        if (!compilation.succeeded()) {
            throw new IllegalStateException("plugin did not compile:\n" + compilation.messages());
        }
        Path jar = workDir.resolve(jarName);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             Stream<Path> classFiles = Files.walk(compilation.classes())) {
            for (Path file : classFiles.filter(Files::isRegularFile).toList()) {
                String entry = compilation.classes().relativize(file).toString().replace('\\', '/');
                out.putNextEntry(new JarEntry(entry));
                Files.copy(file, out);
                out.closeEntry();
            }
            for (Map.Entry<String, List<String>> e : services.entrySet()) {
                out.putNextEntry(new JarEntry("META-INF/services/" + e.getKey()));
                writeLines(out, e.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }

    /**
     * Writes {@code META-INF/services} files (no classes) into {@code dir}, for providers that are
     * already on the test class path.
     */
    static Path serviceDirectory(Path dir, Class<?> service, String... providerClassNames) throws IOException {
        Path file = dir.resolve("META-INF/services/" + service.getName());
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            writeLines(out, List.of(providerClassNames));
        }
        return dir;
    }

    private static void writeLines(OutputStream out, List<String> lines) throws IOException {
        out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
