package io.github.sshfaults.internal;

import java.time.Duration;

/**
 * Eager argument checks that return the checked value and name the bad value and what is allowed.
 *
 * <p>Every message reads {@code "<what> must be <rule>, but was <value>"} so that a user who passed
 * the wrong thing sees at once which argument, what they passed and what would have been accepted.
 */
public final class Preconditions {

  private Preconditions() {}

  /** Returns {@code value}, or throws {@link NullPointerException} naming {@code what}. */
  public static <T> T notNull(T value, String what) {
    if (value == null) {
      throw new NullPointerException(what + " must not be null");
    }
    return value;
  }

  /** Returns {@code value}, or throws naming {@code what} when it is null, empty or only blanks. */
  public static String notBlank(String value, String what) {
    notNull(value, what);
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank, but was " + quote(value));
    }
    return value;
  }

  /** Returns {@code value}, or throws naming {@code what} when it is null or empty. */
  public static String notEmpty(String value, String what) {
    notNull(value, what);
    if (value.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    return value;
  }

  /**
   * Returns {@code value}, or throws naming {@code what} when it lies outside {@code [min, max]}.
   */
  public static int inRange(int value, int min, int max, String what) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          what + " must be between " + min + " and " + max + ", but was " + value);
    }
    return value;
  }

  /**
   * Returns {@code value}, or throws naming {@code what} when it lies outside {@code [min, max]}.
   */
  public static long inRange(long value, long min, long max, String what) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          what + " must be between " + min + " and " + max + ", but was " + value);
    }
    return value;
  }

  /** Returns {@code value}, or throws naming {@code what} when it is less than 1. */
  public static int positive(int value, String what) {
    if (value < 1) {
      throw new IllegalArgumentException(what + " must be at least 1, but was " + value);
    }
    return value;
  }

  /** Returns {@code value}, or throws naming {@code what} when it is less than 1. */
  public static long positive(long value, String what) {
    if (value < 1) {
      throw new IllegalArgumentException(what + " must be at least 1, but was " + value);
    }
    return value;
  }

  /** Returns {@code value}, or throws naming {@code what} when it is negative. */
  public static int notNegative(int value, String what) {
    if (value < 0) {
      throw new IllegalArgumentException(what + " must be 0 or more, but was " + value);
    }
    return value;
  }

  /** Returns {@code value}, or throws naming {@code what} when it is negative. */
  public static long notNegative(long value, String what) {
    if (value < 0) {
      throw new IllegalArgumentException(what + " must be 0 or more, but was " + value);
    }
    return value;
  }

  /** Returns {@code value}, or throws naming {@code what} when it is null, zero or negative. */
  public static Duration positive(Duration value, String what) {
    notNull(value, what);
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(what + " must be longer than zero, but was " + value);
    }
    return value;
  }

  /** Returns {@code value}, or throws naming {@code what} when it is null or negative. */
  public static Duration notNegative(Duration value, String what) {
    notNull(value, what);
    if (value.isNegative()) {
      throw new IllegalArgumentException(what + " must be zero or longer, but was " + value);
    }
    return value;
  }

  /** Returns {@code value}, or throws naming {@code what} when it lies outside {@code [0, 1]}. */
  public static double probability(double value, String what) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(what + " must be between 0.0 and 1.0, but was " + value);
    }
    return value;
  }

  /**
   * Throws {@link IllegalArgumentException} with {@code message} unless {@code condition} holds.
   */
  public static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Throws {@link IllegalStateException} with {@code message} unless {@code condition} holds. */
  public static void checkState(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }

  /**
   * Quotes a user-supplied or peer-sent string for a message, with blanks and control characters
   * visible as {@link Text#escape(String)} shows them ({@code \e} for ESC, {@code \x07} for BEL).
   */
  public static String quote(String value) {
    return value == null ? "null" : '"' + Text.escape(value) + '"';
  }
}
