package io.github.sshfaults.concurrent;

import static io.github.sshfaults.internal.Preconditions.notBlank;
import static io.github.sshfaults.internal.Preconditions.notEmpty;
import static io.github.sshfaults.internal.Preconditions.notNull;

import io.github.sshfaults.concurrent.internal.StandardClassifier;
import java.util.Locale;
import java.util.Optional;

/**
 * A rule that recognises some exceptions as a {@link FailureKind}: how you teach sshfaults the
 * exceptions of your own code.
 *
 * <pre>{@code
 * ConcurrentSsh runner = ConcurrentSsh.create()
 *     .withClassifier(FailureClassifier.byType(VaultLoginException.class, FailureKind.AUTH)
 *         .orElse(FailureClassifier.byMessage("maintenance mode", FailureKind.DISCONNECTED)));
 * }</pre>
 *
 * <p>A classifier looks at one exception at a time, never at its causes: the caller walks the cause
 * chain (see {@link FailureKind#of(Throwable, FailureClassifier)}). Implementations must be
 * thread-safe and must not throw.
 */
@FunctionalInterface
public interface FailureClassifier {

  /**
   * The kind of {@code failure} itself (not of its causes), or empty when this classifier does not
   * recognise it.
   */
  Optional<FailureKind> classify(Throwable failure);

  /**
   * A classifier that asks this one first and {@code next} when this one does not recognise an
   * exception.
   */
  default FailureClassifier orElse(FailureClassifier next) {
    notNull(next, "next classifier");
    return failure -> {
      Optional<FailureKind> kind = classify(failure);
      return kind.isPresent() ? kind : next.classify(failure);
    };
  }

  /** Recognises instances of {@code type} and its subclasses as {@code kind}. */
  static FailureClassifier byType(Class<? extends Throwable> type, FailureKind kind) {
    notNull(type, "exception type");
    notNull(kind, "failure kind");
    return failure -> type.isInstance(failure) ? Optional.of(kind) : Optional.empty();
  }

  /**
   * Recognises exceptions whose class, or one of its superclasses, has the fully qualified name
   * {@code className} (nested classes with {@code $}) as {@code kind}. For exceptions of libraries
   * that may not be on the class path.
   */
  static FailureClassifier byTypeName(String className, FailureKind kind) {
    notBlank(className, "exception class name");
    notNull(kind, "failure kind");
    return failure -> {
      for (Class<?> type = failure.getClass(); type != null; type = type.getSuperclass()) {
        if (type.getName().equals(className)) {
          return Optional.of(kind);
        }
      }
      return Optional.empty();
    };
  }

  /**
   * Recognises exceptions whose message contains {@code fragment}, ignoring case, as {@code kind}.
   */
  static FailureClassifier byMessage(String fragment, FailureKind kind) {
    String lowerCase = notEmpty(fragment, "message fragment").toLowerCase(Locale.ROOT);
    notNull(kind, "failure kind");
    return failure -> {
      String message = failure.getMessage();
      return message != null && message.toLowerCase(Locale.ROOT).contains(lowerCase)
          ? Optional.of(kind)
          : Optional.empty();
    };
  }

  /**
   * The built-in rules: the exceptions of Apache MINA SSHD, JSch, sshj and {@code java.net}, and
   * the verdicts of the sshfaults client adapters. {@link FailureKind#of(Throwable)} uses them.
   */
  static FailureClassifier standard() {
    return StandardClassifier.INSTANCE;
  }
}
