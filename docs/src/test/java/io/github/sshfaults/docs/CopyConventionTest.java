package io.github.sshfaults.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sshfaults.concurrent.FailureClassifier;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.HostFiles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.assertj.core.api.Assert;
import org.junit.jupiter.api.Test;

/**
 * The copy convention that each API package's {@code package-info} states, checked on the published
 * API: immutable configuration values return modified copies from {@code withX(..)}, mutable
 * builders use bare setter names, and no getter shares its name with a method that returns a
 * modified value. Without this test the convention would hold only until the next method is added.
 */
class CopyConventionTest {

  /**
   * The fault DSL ({@code Fault}, {@code Trigger}) reads as a sentence ({@code at}, {@code
   * afterBytes}, {@code forUser}) and states its own convention; it is checked by its own tests.
   */
  private static final String FAULT_DSL = "io.github.sshfaults.faults";

  /**
   * Objects that change in place and return themselves for chaining ({@code host.user(..)}, {@code
   * files().write(..)}), and a function that composes ({@code orElse}, as {@code
   * Comparator.thenComparing}): neither is a value with copies.
   */
  private static final Set<Class<?>> NOT_VALUES =
      Set.of(FakeSshHost.class, HostFiles.class, FailureClassifier.class);

  @Test
  void immutableValuesNameTheirCopiesWith() {
    List<String> offenders = new ArrayList<>();
    for (Class<?> type : apiTypes()) {
      if (isBuilder(type)
          || Assert.class.isAssignableFrom(type)
          || NOT_VALUES.contains(type)
          || type.getPackageName().equals(FAULT_DSL)) {
        continue;
      }
      for (Method method : publicInstanceMethods(type)) {
        if (returnsModifiedSelf(type, method) && !method.getName().startsWith("with")) {
          offenders.add(type.getName() + "." + method.getName());
        }
      }
    }
    assertThat(offenders).as("copies of immutable values not named with...").isEmpty();
  }

  @Test
  void buildersUseBareSetterNames() {
    List<String> offenders = new ArrayList<>();
    List<Class<?>> builders = apiTypes().stream().filter(CopyConventionTest::isBuilder).toList();
    for (Class<?> builder : builders) {
      for (Method method : publicInstanceMethods(builder)) {
        if (method.getName().matches("with[A-Z].*")) {
          offenders.add(builder.getName() + "." + method.getName());
        }
      }
    }
    // Guards the check against passing on nothing if the builders are renamed.
    assertThat(builders).extracting(Class::getSimpleName).contains("Builder");
    assertThat(offenders).as("builder setters named with...").isEmpty();
  }

  @Test
  void noGetterSharesItsNameWithACopyOrSetter() {
    List<String> offenders = new ArrayList<>();
    for (Class<?> type : apiTypes()) {
      if (type.getPackageName().equals(FAULT_DSL)) {
        continue;
      }
      Map<String, List<Method>> byName =
          publicInstanceMethods(type).stream()
              .collect(Collectors.groupingBy(Method::getName, TreeMap::new, Collectors.toList()));
      byName.forEach(
          (name, overloads) -> {
            boolean getter =
                overloads.stream()
                    .anyMatch(m -> m.getParameterCount() == 0 && m.getReturnType() != void.class);
            boolean changes = overloads.stream().anyMatch(m -> returnsModifiedSelf(type, m));
            if (getter && changes) {
              offenders.add(type.getName() + "." + name);
            }
          });
    }
    assertThat(offenders).as("getters that share a name with a copy or setter").isEmpty();
  }

  private static List<Class<?>> apiTypes() {
    return PublishedModules.ALL.stream()
        .flatMap(module -> ApiListing.types(module.anchor()).stream())
        .toList();
  }

  private static boolean isBuilder(Class<?> type) {
    return type.getSimpleName().endsWith("Builder");
  }

  private static List<Method> publicInstanceMethods(Class<?> type) {
    return Arrays.stream(type.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
        .filter(m -> !m.isSynthetic() && !m.isBridge())
        .toList();
  }

  /** A method that takes a value and returns its own type: a copy, or a builder's setter. */
  private static boolean returnsModifiedSelf(Class<?> type, Method method) {
    return method.getParameterCount() > 0 && method.getReturnType() == type;
  }
}
