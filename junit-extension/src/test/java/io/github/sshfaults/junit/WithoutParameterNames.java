package io.github.sshfaults.junit;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Compiles a test class as most users' builds do, without {@code javac -parameters} (which this
 * project's own build sets), so that its parameters have no names: what the stand-in names are for.
 */
final class WithoutParameterNames implements AutoCloseable {

  private final URLClassLoader loader;

  private WithoutParameterNames(URLClassLoader loader) {
    this.loader = loader;
  }

  /**
   * Compiles {@code source}, the whole text of top-level class {@code className} (package and
   * imports included) into {@code directory}, and loads it; close the result to release it.
   */
  static WithoutParameterNames compile(Path directory, String className, String source) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    JavaFileObject file =
        new SimpleJavaFileObject(
            URI.create("string:///" + className.replace('.', '/') + ".java"),
            JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
          }
        };
    StringWriter output = new StringWriter();
    List<String> options =
        List.of("--release", "17", "-proc:none", "-d", directory.toString(), "-cp", classPath);
    boolean compiled = javac.getTask(output, null, null, options, null, List.of(file)).call();
    if (!compiled) {
      throw new AssertionError("Could not compile " + className + ":\n" + output);
    }
    try {
      URL classes = directory.toUri().toURL();
      return new WithoutParameterNames(
          new URLClassLoader(new URL[] {classes}, WithoutParameterNames.class.getClassLoader()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The compiled class {@code binaryName}, {@code Outer$Nested} for a nested class. */
  Class<?> load(String binaryName) {
    try {
      return Class.forName(binaryName, true, loader);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(binaryName + " was not compiled", e);
    }
  }

  @Override
  public void close() throws IOException {
    loader.close();
  }
}
