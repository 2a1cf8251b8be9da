package io.github.sshfaults.sshd.assertions;

import static io.github.sshfaults.internal.Preconditions.notBlank;
import static io.github.sshfaults.internal.Preconditions.notNull;
import static io.github.sshfaults.internal.Preconditions.quote;

import io.github.sshfaults.internal.Text;
import io.github.sshfaults.sshd.FakeSshHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what a {@link FakeSshHost} holds, for extension; use {@link FakeSshHostAssert}.
 * What the host saw is checked with {@link SshFaultsAssertions#verify(FakeSshHost)} instead.
 *
 * <p>Paths are those of {@link FakeSshHost#files()}: absolute, or relative to {@code /}. A failure
 * shows what the host holds instead: the files it has, or the content of the file.
 *
 * @param <SELF> the concrete assertion type
 */
public abstract class AbstractFakeSshHostAssert<SELF extends AbstractFakeSshHostAssert<SELF>>
    extends AbstractAssert<SELF, FakeSshHost> {

  private static final int MAX_PATHS_SHOWN = 20;

  private static final int MAX_CONTENT_SHOWN = 200;

  /** Creates assertions on {@code actual}. */
  protected AbstractFakeSshHostAssert(FakeSshHost actual, Class<?> selfType) {
    super(actual, selfType);
  }

  /** Verifies that the host has a file (not a directory) at {@code path}, whatever it holds. */
  public SELF hasFile(String path) {
    file(path);
    return myself;
  }

  /**
   * Verifies that the host has a file at {@code path} that holds exactly {@code content}, encoded
   * in UTF-8.
   */
  public SELF hasFile(String path, String content) {
    notNull(content, "expected content of " + quote(path));
    String actualContent = new String(read(file(path)), StandardCharsets.UTF_8);
    if (!actualContent.equals(content)) {
      // With actual and expected, so that IDEs offer a diff of the whole contents; the message
      // shows their start, enough for a short file and readable for a long one.
      failWithActualExpectedAndMessage(
          actualContent,
          content,
          "%s",
          "Expecting the file "
              + quote(path)
              + " on "
              + actual
              + " to hold:\n  "
              + Text.abbreviate(content, MAX_CONTENT_SHOWN)
              + "\nbut it holds:\n  "
              + Text.abbreviate(actualContent, MAX_CONTENT_SHOWN));
    }
    return myself;
  }

  /** Verifies that the host has a file at {@code path} that holds exactly {@code content}. */
  public SELF hasFile(String path, byte[] content) {
    notNull(content, "expected content of " + quote(path));
    byte[] actualContent = read(file(path));
    if (!Arrays.equals(actualContent, content)) {
      failWithMessage(
          "%s",
          "Expecting the file "
              + quote(path)
              + " on "
              + actual
              + " to hold "
              + content.length
              + " bytes, but it holds "
              + actualContent.length
              + ", which differ from byte "
              + Arrays.mismatch(actualContent, content)
              + " on");
    }
    return myself;
  }

  /** Verifies that there is nothing, neither file nor directory, at {@code path} on the host. */
  public SELF doesNotHaveFile(String path) {
    Path file = resolve(path);
    if (Files.exists(file)) {
      failWithMessage(
          "%s",
          "Expecting no file "
              + quote(path)
              + " on "
              + actual
              + ", but there is "
              + (Files.isDirectory(file) ? "a directory" : "a file of " + size(file) + " bytes"));
    }
    return myself;
  }

  /** The file at {@code path}, failing when there is none or it is a directory. */
  private Path file(String path) {
    Path file = resolve(path);
    if (Files.isDirectory(file)) {
      failWithMessage(
          "%s",
          "Expecting a file " + quote(path) + " on " + actual + ", but it is a directory");
    }
    if (!Files.isRegularFile(file)) {
      List<String> paths = actual.files().paths();
      failWithMessage(
          "%s",
          "Expecting a file "
              + quote(path)
              + " on "
              + actual
              + ", but there is none; "
              + (paths.isEmpty()
                  ? "the host has no files"
                  : "the host has " + listed(paths)));
    }
    return file;
  }

  private Path resolve(String path) {
    notBlank(path, "path");
    isNotNull();
    if (actual.isClosed()) {
      failWithMessage(
          "%s",
          "Expecting "
              + quote(path)
              + " on "
              + actual
              + ", but the host is closed, and its files went with it");
    }
    return actual.files().root().resolve(path);
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the size of " + file, e);
    }
  }

  /** The first paths of {@code paths}, so that a host with thousands of files stays readable. */
  private static String listed(List<String> paths) {
    int shown = Math.min(paths.size(), MAX_PATHS_SHOWN);
    String list = String.join(", ", paths.subList(0, shown));
    return paths.size() > shown ? list + " and " + (paths.size() - shown) + " more" : list;
  }
}
