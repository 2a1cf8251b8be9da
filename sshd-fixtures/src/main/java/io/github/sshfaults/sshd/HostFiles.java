package io.github.sshfaults.sshd;

import static io.github.sshfaults.internal.Preconditions.check;
import static io.github.sshfaults.internal.Preconditions.notBlank;
import static io.github.sshfaults.internal.Preconditions.notNull;
import static io.github.sshfaults.internal.Preconditions.quote;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.github.sshfaults.sshd.internal.ClosedHostFilesException;
import io.github.sshfaults.sshd.internal.FilesQuota;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files of a fake host: an in-memory file system, served over SFTP to every user who logs in,
 * rooted at {@code /}. Nothing touches the real disk. Obtained from {@link FakeSshHost#files()}.
 *
 * <pre>{@code
 * host.files().write("/data/report.csv", "id,value\n1,42\n");
 * // a client downloads /data/report.csv and uploads /upload/result.txt over SFTP
 * assertThat(host.files().readString("/upload/result.txt")).isEqualTo("done");
 * }</pre>
 *
 * <p>Paths are absolute ({@code /data/report.csv}) or relative to {@code /}; they use {@code /} as
 * separator. Writing a file creates its parent directories. The file system is a Unix-like Jimfs
 * file system, so {@link #root()} also gives the full {@link java.nio.file.Files} API for anything
 * these methods do not cover (attributes, links).
 *
 * <p>The files belong to the host's {@linkplain FakeSshHost#markBaseline() baseline}: {@link
 * FakeSshHost#reset()} restores the files and directories the baseline had. All methods are
 * thread-safe with respect to each other; clients may change files over SFTP at any time.
 *
 * <p>The files take memory, so they have a size quota, {@value #DEFAULT_QUOTA} bytes (64 MiB) unless
 * {@link FakeSshHost.Builder#filesQuota(long)} says otherwise. Space is counted as a disk counts
 * it, in blocks of 4 KiB: a file takes its size rounded up to whole blocks. Past the quota, an SFTP
 * write is answered with {@code SSH_FX_NO_SPACE_ON_FILESYSTEM} ({@code quota of 67108864 bytes
 * exceeded}), and {@link #write(String, byte[])} throws; deleting files frees their space.
 *
 * <p>The files go with their host: once it is {@linkplain FakeSshHost#close() closed}, every method
 * throws a {@link java.nio.file.ClosedFileSystemException} (an {@link IllegalStateException}) whose
 * message names the host and the call, {@code cannot read "/data/report.csv" on FakeSshHost[web,
 * 127.0.0.1:40123, seed=...]: it is closed, and its files went with it}. Paths taken from {@link
 * #root()} before then fail too, with the JDK's exception of the same type.
 */
public final class HostFiles {

  /** The quota of a host's files unless set: 64 MiB, well below a typical test heap. */
  public static final long DEFAULT_QUOTA = 64L * 1024 * 1024;

  /** Created on first use: most hosts never touch files, and their start and close stay cheap. */
  private FileSystem fileSystem;

  private Path root;
  private boolean closed;
  private final FakeSshHost host;
  private final long quota;

  HostFiles(FakeSshHost host, long quota) {
    this.host = host;
    this.quota = quota;
  }

  /**
   * The most space the files may take, in bytes: {@link #DEFAULT_QUOTA} unless {@link
   * FakeSshHost.Builder#filesQuota(long)} set it.
   */
  public long quota() {
    return quota;
  }

  /**
   * The space the files take now, in bytes: their sizes rounded up to whole blocks of 4 KiB, as
   * the quota counts them.
   *
   * @throws java.nio.file.ClosedFileSystemException when the host is closed
   */
  public synchronized long used() {
    checkOpen("measure the files of");
    if (fileSystem == null) {
      return 0;
    }
    try {
      return capacity() - Files.getFileStore(root).getUnallocatedSpace();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot measure the host's files", e);
    }
  }

  /** The quota in whole blocks, as the file system holds it. */
  private long capacity() {
    return FilesQuota.blocks(quota) * FilesQuota.BLOCK_SIZE;
  }

  /**
   * The root directory {@code /}, a path of the host's in-memory file system.
   *
   * @throws java.nio.file.ClosedFileSystemException when the host is closed
   */
  public synchronized Path root() {
    checkOpen("use the files of");
    return openRoot();
  }

  private Path openRoot() {
    if (fileSystem == null) {
      fileSystem =
          // Unnamed: Jimfs gives each a unique name, so any number of hosts can live side by side.
          Jimfs.newFileSystem(
              FilesQuota.limit(
                      Configuration.unix().toBuilder()
                          .setWorkingDirectory("/")
                          // SFTP reports owners and permissions: without these views MINA SSHD
                          // would look for them on the default file system.
                          .setAttributeViews("basic", "owner", "posix", "unix"),
                      quota)
                  .build());
      root = fileSystem.getPath("/");
    }
    return root;
  }

  /**
   * Writes {@code content} to the file at {@code path}, replacing it if it exists and creating its
   * parent directories if they do not.
   *
   * @return these files, for chaining
   * @throws IllegalArgumentException when the path is blank or names a directory
   * @throws UncheckedIOException when the file would take the files past their {@linkplain #quota()
   *     quota}, saying how much is in use; the file is then left as it was (unless SFTP clients
   *     filled the files at that very moment)
   * @throws java.nio.file.ClosedFileSystemException when the host is closed
   */
  public synchronized HostFiles write(String path, byte[] content) {
    checkOpen("write " + quote(path) + " on");
    notNull(content, "content of " + quote(path));
    Path file = resolve(path);
    check(!Files.isDirectory(file), "cannot write " + quote(path) + ": it is a directory");
    try {
      long replaced = Files.isRegularFile(file) ? FilesQuota.blocks(Files.size(file)) : 0;
      long free = FilesQuota.blocks(capacity() - used()) + replaced;
      if (FilesQuota.blocks(content.length) > free) {
        throw overQuota(path, content.length, null);
      }
      Path parent = file.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.write(file, content);
    } catch (IOException e) {
      if (FilesQuota.isExceeded(e)) {
        throw overQuota(path, content.length, e); // a client took the space meanwhile
      }
      throw new UncheckedIOException("Cannot write " + quote(path), e);
    }
    return this;
  }

  private UncheckedIOException overQuota(String path, long size, IOException cause) {
    FileSystemException full =
        new FileSystemException(path, null, FilesQuota.exceeded(quota));
    if (cause != null) {
      full.initCause(cause);
    }
    return new UncheckedIOException(
        "cannot write "
            + quote(path)
            + " ("
            + size
            + " bytes): the host's files would exceed their quota of "
            + quota
            + " bytes ("
            + used()
            + " in use, counted in blocks of 4 KiB); delete files, or raise the quota with"
            + " FakeSshHost.builder().filesQuota(bytes)",
        full);
  }

  /** Writes {@code content} in UTF-8: see {@link #write(String, byte[])}. */
  public HostFiles write(String path, String content) {
    notNull(content, "content of " + quote(path));
    return write(path, content.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The content of the file at {@code path}.
   *
   * @throws IllegalArgumentException when there is no such file, naming the files there are
   */
  public synchronized byte[] read(String path) {
    checkOpen("read " + quote(path) + " on");
    Path file = resolve(path);
    check(Files.isRegularFile(file), "no file " + quote(path) + " on the host; " + describe());
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + quote(path), e);
    }
  }

  /** The content of the file at {@code path}, decoded as UTF-8: see {@link #read(String)}. */
  public String readString(String path) {
    return new String(read(path), StandardCharsets.UTF_8);
  }

  /** Whether a file or directory exists at {@code path}. */
  public synchronized boolean exists(String path) {
    checkOpen("look for " + quote(path) + " on");
    notBlank(path, "path");
    return fileSystem != null && Files.exists(resolve(path));
  }

  /**
   * The names of the entries of directory {@code dir}, files and directories, sorted.
   *
   * @throws IllegalArgumentException when there is no such directory
   */
  public synchronized List<String> list(String dir) {
    checkOpen("list " + quote(dir) + " on");
    Path directory = resolve(dir);
    check(
        Files.isDirectory(directory), "no directory " + quote(dir) + " on the host; " + describe());
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      entries.forEach(entry -> names.add(entry.getFileName().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + quote(dir), e);
    }
    names.sort(Comparator.naturalOrder());
    return List.copyOf(names);
  }

  /**
   * Creates directory {@code dir} and its missing parents; nothing happens when it exists.
   *
   * @return these files, for chaining
   * @throws IllegalArgumentException when a file is in the way
   */
  public synchronized HostFiles mkdirs(String dir) {
    checkOpen("create " + quote(dir) + " on");
    Path directory = resolve(dir);
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot create directory " + quote(dir) + ": " + e.getMessage(), e);
    }
    return this;
  }

  /**
   * Deletes the file or directory at {@code path}, a directory with everything in it.
   *
   * @return whether there was something to delete
   */
  public synchronized boolean delete(String path) {
    checkOpen("delete " + quote(path) + " on");
    Path target = resolve(path);
    if (!Files.exists(target)) {
      return false;
    }
    check(!target.equals(root), "cannot delete the root directory; delete its entries instead");
    deleteTree(target);
    return true;
  }

  /**
   * Every file and directory on the host but the root, as absolute paths in sorted order: {@code
   * [/data, /data/report.csv]}.
   */
  public synchronized List<String> paths() {
    checkOpen("list the files of");
    if (fileSystem == null) {
      return List.of();
    }
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(p -> !p.equals(root)).map(Path::toString).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot walk the host's files", e);
    }
  }

  /** {@code HostFiles[/data, /data/report.csv]}; {@code HostFiles[closed]} once the host is. */
  @Override
  public synchronized String toString() {
    return closed ? "HostFiles[closed]" : "HostFiles" + paths();
  }

  // ---------------------------------------------------------------- for FakeSshHost

  /** The files and directories as they are now, for {@link #restore(Snapshot)}. */
  synchronized Snapshot snapshot() {
    if (fileSystem == null) {
      return new Snapshot(Map.of());
    }
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path path : all.filter(p -> !p.equals(root)).sorted().toList()) {
        entries.put(path.toString(), Files.isDirectory(path) ? null : Files.readAllBytes(path));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot copy the host's files", e);
    }
    return new Snapshot(entries);
  }

  /** Replaces every file and directory with those of {@code snapshot}. */
  synchronized void restore(Snapshot snapshot) {
    if (fileSystem == null && snapshot.entries().isEmpty()) {
      return;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(openRoot())) {
      entries.forEach(this::deleteTree);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot clear the host's files", e);
    }
    try {
      for (Map.Entry<String, byte[]> entry : snapshot.entries().entrySet()) {
        Path path = root.resolve(entry.getKey());
        if (entry.getValue() == null) {
          Files.createDirectories(path);
        } else {
          Files.createDirectories(path.getParent());
          Files.write(path, entry.getValue());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot restore the host's files", e);
    }
  }

  /** Closes the file system: nothing can read or write the files any more. */
  synchronized void close() {
    closed = true;
    if (fileSystem == null) {
      return;
    }
    try {
      fileSystem.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot close the host's file system", e);
    }
  }

  /** The files and directories at one moment: path to content, null for a directory. */
  record Snapshot(Map<String, byte[]> entries) {}

  /**
   * Throws, once the host is closed, what every method then throws: {@code cannot <action> <host>:
   * it is closed, and its files went with it}.
   */
  private void checkOpen(String action) {
    if (closed) {
      throw new ClosedHostFilesException(
          host.closedMessage(action) + ", and its files went with it");
    }
  }

  private Path resolve(String path) {
    notBlank(path, "path");
    return openRoot().resolve(path).normalize();
  }

  private void deleteTree(Path top) {
    try (Stream<Path> all = Files.walk(top)) {
      for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (NoSuchFileException e) {
      // deleted meanwhile over SFTP
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + quote(top.toString()), e);
    }
  }

  private String describe() {
    List<String> all = paths();
    return all.isEmpty() ? "it has no files" : "it has " + String.join(", ", all);
  }
}
