package io.github.sshfaults.concurrent.internal;

import static io.github.sshfaults.internal.Preconditions.notNull;

import io.github.sshfaults.concurrent.FailureClassifier;
import io.github.sshfaults.concurrent.FailureKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Walks a cause chain through the user's classifier, then the built-in rules. */
public final class Classification {

  /** Enough for any real wrapper stack; guards against pathological chains. */
  private static final int MAX_CHAIN = 64;

  private Classification() {}

  /**
   * The kind of the outermost exception of the chain that {@code custom} recognises; failing that,
   * of the outermost one the built-in rules recognise; failing that, {@link
   * FailureKind#UNEXPECTED}.
   *
   * @param custom the user's rules, or null for none
   */
  public static FailureKind classify(Throwable failure, FailureClassifier custom) {
    List<Throwable> chain = chain(notNull(failure, "failure"));
    if (custom != null) {
      Optional<FailureKind> kind = firstMatch(chain, custom);
      if (kind.isPresent()) {
        return kind.get();
      }
    }
    return firstMatch(chain, StandardClassifier.INSTANCE).orElse(FailureKind.UNEXPECTED);
  }

  private static Optional<FailureKind> firstMatch(List<Throwable> chain, FailureClassifier rules) {
    for (Throwable link : chain) {
      Optional<FailureKind> kind = rules.classify(link);
      if (kind != null && kind.isPresent()) {
        return kind;
      }
    }
    return Optional.empty();
  }

  /** {@code failure} and its causes, outermost first, each once. */
  static List<Throwable> chain(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable link = failure;
        link != null && chain.size() < MAX_CHAIN && seen.add(link);
        link = link.getCause()) {
      chain.add(link);
    }
    return chain;
  }
}
