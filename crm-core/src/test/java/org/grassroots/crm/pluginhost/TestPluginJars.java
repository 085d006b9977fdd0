package org.grassroots.crm.pluginhost;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.grassroots.crm.plugin.api.PluginApi;
import org.grassroots.crm.plugin.api.hosttest.Answering;
import org.jspecify.annotations.Nullable;
import org.pf4j.Plugin;
import org.pf4j.processor.ExtensionAnnotationProcessor;
import org.slf4j.Logger;
import org.springframework.util.FileSystemUtils;

/**
 * Builds real pf4j plugin files for tests: Java sources compiled with the JDK's compiler against the plugin API and
 * pf4j (plus crm-core's test classes, for the test-only {@link Answering} point), with pf4j's annotation processor
 * writing {@code META-INF/extensions.idx}, packed as a plugin jar (descriptor in the manifest) or a pf4j zip.
 *
 * <pre>{@code
 * Path jar = TestPluginJars.plugin("alpha").version("1.0.0")
 *         .answering("answers", "return \"42\";")
 *         .writeJar(folder);
 * }</pre>
 */
public final class TestPluginJars {

    private TestPluginJars() {
    }

    /**
     * Installs a built plugin {@code jar} (a bundled plugin's module output, say) unless a plugin with
     * {@code pluginId} is installed already: test contexts are shared between test classes. Needs an admin signed in.
     *
     * @return whether this call installed it
     */
    public static boolean installIfAbsent(PluginAdminService plugins, String pluginId, Path jar) {
        if (plugins.find(pluginId).isPresent()) {
            return false;
        }
        try (var data = Files.newInputStream(jar)) {
            plugins.install(jar.getFileName().toString(), data);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + jar + "; build the plugin's module first", e);
        }
    }

    /** A plugin with this id, version 1.0.0, requiring {@code >=1.0.0 & <2.0.0}, and a plugin class that does nothing. */
    public static Builder plugin(String id) {
        return new Builder(id);
    }

    public static final class Builder {

        private final String id;
        private final String packageName;
        private final Map<String, String> sources = new LinkedHashMap<>();
        private final Map<String, byte[]> extraEntries = new LinkedHashMap<>();
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private final Set<Path> classpath = new LinkedHashSet<>();
        private boolean descriptor = true;
        private boolean descriptorInProperties;

        private Builder(String id) {
            this.id = id;
            this.packageName = "test." + id.replaceAll("[^a-z0-9]", "_").toLowerCase(Locale.ROOT);
            attributes.put("Plugin-Id", id);
            attributes.put("Plugin-Version", "1.0.0");
            attributes.put("Plugin-Requires", ">=1.0.0 & <2.0.0");
            attributes.put("Plugin-Class", packageName + ".TestPlugin");
            attributes.put("Plugin-Provider", "Grassroots tests");
            attributes.put("Plugin-Description", "Synthetic test plugin " + id);
            pluginClass("");
            for (Class<?> type : List.of(PluginApi.class, Plugin.class, Nullable.class, Logger.class,
                    Answering.class)) {
                compileAgainst(type);
            }
        }

        /** The package the generated classes live in, for example {@code test.alpha}. */
        public String packageName() {
            return packageName;
        }

        public Builder version(String version) {
            return attribute("Plugin-Version", version);
        }

        /** The required API range; {@code null} leaves the attribute out. */
        public Builder requires(@Nullable String range) {
            return attribute("Plugin-Requires", range);
        }

        /** Sets (or, with {@code null}, removes) a descriptor attribute such as {@code Plugin-Id}. */
        public Builder attribute(String name, @Nullable String value) {
            if (value == null) {
                attributes.remove(name);
            } else {
                attributes.put(name, value);
            }
            return this;
        }

        /** The body of the plugin class {@code TestPlugin} (which extends {@link Plugin}). */
        public Builder pluginClass(String body) {
            return source("TestPlugin", "public class TestPlugin extends org.pf4j.Plugin {\n" + body + "\n}");
        }

        /** A class of the plugin, by simple name, in {@link #packageName()}; imports may precede the class. */
        public Builder source(String simpleName, String code) {
            sources.put(simpleName, "package " + packageName + ";\n" + code);
            return this;
        }

        /**
         * An {@link Answering} extension called {@code AnsweringN} with the given extension id and
         * {@code answer(String question)} body; {@code constructor} is its constructor's parameters and body, for
         * example {@code "(org.grassroots.crm.plugin.api.hosttest.Greetings g) { this.g = g; }"} (empty for none).
         */
        public Builder answering(String extensionId, String answerBody, String fields, String constructor) {
            String name = "Answering" + sources.size();
            String constructorCode = constructor.isEmpty() ? "" : "public " + name + constructor;
            return source(name, "@org.pf4j.Extension\npublic class " + name
                    + " implements org.grassroots.crm.plugin.api.hosttest.Answering {\n" + fields + "\n"
                    + constructorCode + "\n"
                    + "public String id() { return \"" + extensionId + "\"; }\n"
                    + "public String displayName() { return \"Answers " + extensionId + "\"; }\n"
                    + "public String answer(String question) throws Exception {\n" + answerBody + "\n}\n}");
        }

        public Builder answering(String extensionId, String answerBody) {
            return answering(extensionId, answerBody, "", "");
        }

        /** Also puts the location (jar or classes folder) of {@code type} on the compiler's class path. */
        public Builder compileAgainst(Class<?> type) {
            try {
                classpath.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
            return this;
        }

        /** An extra entry written as it is, for example {@code ../../evil}. */
        public Builder entry(String name, byte[] content) {
            extraEntries.put(name, content);
            return this;
        }

        /** Leaves out the descriptor (no plugin attributes in the manifest, no plugin.properties). */
        public Builder withoutDescriptor() {
            descriptor = false;
            return this;
        }

        /** Writes the descriptor as {@code plugin.properties} instead of manifest attributes. */
        public Builder descriptorInProperties() {
            descriptorInProperties = true;
            return this;
        }

        /** A plugin jar: classes at the root, the descriptor in the manifest (or plugin.properties). */
        public Path writeJar(Path folder) {
            return write(folder.resolve(id + "-" + attributes.getOrDefault("Plugin-Version", "x") + "-test.jar"),
                    jarBytes());
        }

        /**
         * A pf4j zip: {@code plugin.properties} at the root and the classes in {@code lib/<id>.jar} (or, with
         * {@code classesFolder}, under {@code classes/}).
         */
        public Path writeZip(Path folder, boolean classesFolder) {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            if (descriptor) {
                entries.put("plugin.properties", properties());
            }
            if (classesFolder) {
                compile().forEach((name, bytes) -> entries.put("classes/" + name, bytes));
            } else {
                entries.put("lib/" + id + ".jar", zip(compile()));
            }
            entries.putAll(extraEntries);
            return write(folder.resolve(id + "-" + attributes.getOrDefault("Plugin-Version", "x") + "-test.zip"),
                    zip(entries));
        }

        public byte[] jarBytes() {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put("META-INF/MANIFEST.MF", manifest());
            if (descriptor && descriptorInProperties) {
                entries.put("plugin.properties", properties());
            }
            entries.putAll(compile());
            entries.putAll(extraEntries);
            return zip(entries);
        }

        private byte[] manifest() {
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            if (descriptor && !descriptorInProperties) {
                attributes.forEach((name, value) -> manifest.getMainAttributes().putValue(name, value));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                manifest.write(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }

        private byte[] properties() {
            StringBuilder text = new StringBuilder();
            attributes.forEach((name, value) -> text.append(name.toLowerCase(Locale.ROOT).replace('-', '.'))
                    .append('=').append(value.replace("\\", "\\\\")).append('\n'));
            return text.toString().getBytes(StandardCharsets.ISO_8859_1);
        }

        /** Compiles the sources with pf4j's extension processor; returns class files and the index by entry name. */
        private Map<String, byte[]> compile() {
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            try {
                Path output = Files.createTempDirectory("test-plugin-" + id);
                DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
                try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                        StandardCharsets.UTF_8)) {
                    List<JavaFileObject> units = new ArrayList<>();
                    sources.forEach((name, code) -> units.add(new Source(packageName + "." + name, code)));
                    List<String> options = List.of("--release", "21", "-d", output.toString(), "-classpath",
                            String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList()));
                    JavaCompiler.CompilationTask task = compiler.getTask(null, files, diagnostics, options, null,
                            units);
                    task.setProcessors(List.of(new ExtensionAnnotationProcessor()));
                    if (!task.call()) {
                        throw new IllegalStateException("Test plugin " + id + " does not compile: " + diagnostics
                                .getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                                .map(d -> d.getMessage(Locale.ROOT)).toList());
                    }
                }
                Map<String, byte[]> entries = new LinkedHashMap<>();
                try (Stream<Path> walk = Files.walk(output)) {
                    for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                        entries.put(output.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                    }
                } finally {
                    FileSystemUtils.deleteRecursively(output);
                }
                return entries;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Zip bytes with the given entries, in order. */
    public static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Path write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Source extends SimpleJavaFileObject {

        private final String code;

        Source(String className, String code) {
            super(java.net.URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension),
                    Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
