package io.github.sshfaults.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public API of one module as text, one line per type and per member, sorted, for a checked-in
 * listing that shows every API change in review (the model: OkHttp's {@code .api} files). What
 * counts as API: the public and protected types and members of the packages the module exports to
 * everybody ({@code module-info}), or of its packages that are not {@code internal} when it has no
 * descriptor. Names are fully qualified except {@code java.lang}; parameter names are left out, as
 * they depend on how the module was compiled.
 */
final class ApiListing {

  private ApiListing() {}

  /** The listing of the module that {@code anchor} belongs to. */
  static List<String> of(Class<?> anchor) {
    List<String> lines = new ArrayList<>();
    for (Class<?> type : types(anchor)) {
      lines.addAll(describe(type));
    }
    return lines;
  }

  /** The API types of the module that {@code anchor} belongs to, sorted by name. */
  static List<Class<?>> types(Class<?> anchor) {
    Path location = location(anchor);
    Predicate<String> exported = exportedPackages(location);
    List<Class<?>> types = new ArrayList<>();
    for (String className : classNames(location)) {
      String packageName = className.substring(0, Math.max(0, className.lastIndexOf('.')));
      if (!exported.test(packageName)) {
        continue;
      }
      Class<?> type = load(className, anchor.getClassLoader());
      if (isApi(type)) {
        types.add(type);
      }
    }
    return types;
  }

  private static boolean isApi(Class<?> type) {
    if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()) {
      return false;
    }
    for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
      int modifiers = t.getModifiers();
      if (!Modifier.isPublic(modifiers) && !Modifier.isProtected(modifiers)) {
        return false;
      }
    }
    return true;
  }

  private static List<String> describe(Class<?> type) {
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add(header(type));
    Set<String> members = new TreeSet<>();
    if (type.isEnum()) {
      for (Object constant : type.getEnumConstants()) {
        members.add("  enum constant " + ((Enum<?>) constant).name());
      }
    }
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        members.add(
            "  record component " + name(component.getGenericType()) + " " + component.getName());
      }
    }
    for (Field field : type.getDeclaredFields()) {
      if (isVisible(field) && !field.isEnumConstant() && !field.isSynthetic()) {
        members.add(
            "  " + modifiers(field) + name(field.getGenericType()) + " " + field.getName());
      }
    }
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      if (isVisible(constructor) && !constructor.isSynthetic()) {
        members.add(
            "  "
                + modifiers(constructor)
                + typeParameters(constructor)
                + signature(constructor, type.getSimpleName()));
      }
    }
    for (Method method : type.getDeclaredMethods()) {
      if (isVisible(method)
          && !method.isSynthetic()
          && !method.isBridge()
          && !isImplicit(type, method)) {
        members.add(
            "  "
                + modifiers(method)
                + (method.isDefault() ? "default " : "")
                + typeParameters(method)
                + name(method.getGenericReturnType())
                + " "
                + signature(method, method.getName()));
      }
    }
    lines.addAll(members);
    return lines;
  }

  // values() and valueOf(String) of enums are the language's, not the type's own API.
  private static boolean isImplicit(Class<?> type, Method method) {
    return type.isEnum()
        && Modifier.isStatic(method.getModifiers())
        && (method.getName().equals("values") && method.getParameterCount() == 0
            || method.getName().equals("valueOf")
                && Arrays.equals(method.getParameterTypes(), new Class<?>[] {String.class}));
  }

  private static String header(Class<?> type) {
    StringBuilder header = new StringBuilder();
    int modifiers = type.getModifiers();
    header.append(Modifier.isPublic(modifiers) ? "public " : "protected ");
    boolean implicitlyStatic = type.isInterface() || type.isEnum() || type.isRecord();
    if (type.getDeclaringClass() != null && Modifier.isStatic(modifiers) && !implicitlyStatic) {
      header.append("static ");
    }
    if (type.isSealed()) {
      header.append("sealed ");
    }
    if (type.isAnnotation()) {
      header.append("@interface ");
    } else if (type.isInterface()) {
      header.append("interface ");
    } else if (type.isEnum()) {
      header.append("enum ");
    } else if (type.isRecord()) {
      header.append("record ");
    } else {
      header.append(Modifier.isAbstract(modifiers) ? "abstract " : "")
          .append(Modifier.isFinal(modifiers) ? "final " : "")
          .append("class ");
    }
    header
        .append(type.getName().replace('$', '.'))
        .append(typeParameters(type.getTypeParameters()));
    Type superclass = type.getGenericSuperclass();
    if (superclass != null
        && superclass != Object.class
        && !type.isEnum()
        && !type.isRecord()) {
      header.append(" extends ").append(name(superclass));
    }
    Type[] interfaces = type.getGenericInterfaces();
    if (interfaces.length > 0 && !type.isAnnotation()) {
      header
          .append(type.isInterface() ? " extends " : " implements ")
          .append(
              Arrays.stream(interfaces).map(ApiListing::name).collect(Collectors.joining(", ")));
    }
    if (type.isSealed()) {
      header
          .append(" permits ")
          .append(
              Arrays.stream(type.getPermittedSubclasses())
                  .map(c -> c.getName().replace('$', '.'))
                  .collect(Collectors.joining(", ")));
    }
    return header.toString();
  }

  private static boolean isVisible(Member member) {
    int modifiers = member.getModifiers();
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static String modifiers(Member member) {
    int modifiers = member.getModifiers();
    boolean interfaceMember = member.getDeclaringClass().isInterface();
    StringBuilder text = new StringBuilder(Modifier.isPublic(modifiers) ? "public " : "protected ");
    if (Modifier.isStatic(modifiers)) {
      text.append("static ");
    }
    if (Modifier.isAbstract(modifiers) && !interfaceMember) {
      text.append("abstract ");
    }
    if (Modifier.isFinal(modifiers)) {
      text.append("final ");
    }
    return text.toString();
  }

  private static String signature(Executable executable, String name) {
    String parameters =
        Arrays.stream(executable.getGenericParameterTypes())
            .map(ApiListing::name)
            .collect(Collectors.joining(", "));
    if (executable.isVarArgs()) {
      parameters = parameters.replaceFirst("\\[\\]$", "...");
    }
    String throwsClause =
        executable.getGenericExceptionTypes().length == 0
            ? ""
            : " throws "
                + Arrays.stream(executable.getGenericExceptionTypes())
                    .map(ApiListing::name)
                    .sorted()
                    .collect(Collectors.joining(", "));
    return name + "(" + parameters + ")" + throwsClause;
  }

  private static String typeParameters(Executable executable) {
    String text = typeParameters(executable.getTypeParameters());
    return text.isEmpty() ? "" : text + " ";
  }

  private static String typeParameters(TypeVariable<?>[] variables) {
    if (variables.length == 0) {
      return "";
    }
    return Arrays.stream(variables)
        .map(
            variable -> {
              List<String> bounds =
                  Arrays.stream(variable.getBounds())
                      .filter(bound -> bound != Object.class)
                      .map(ApiListing::name)
                      .toList();
              return variable.getName()
                  + (bounds.isEmpty() ? "" : " extends " + String.join(" & ", bounds));
            })
        .collect(Collectors.joining(", ", "<", ">"));
  }

  private static String name(Type type) {
    return type.getTypeName().replace('$', '.').replaceAll("\\bjava\\.lang\\.(?=[A-Z])", "");
  }

  private static Path location(Class<?> anchor) {
    try {
      return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Cannot locate the classes of " + anchor, e);
    }
  }

  /** The module's exports to everybody, or its non-internal packages when it has no descriptor. */
  private static Predicate<String> exportedPackages(Path location) {
    Optional<ModuleDescriptor> descriptor = descriptor(location);
    if (descriptor.isEmpty()) {
      return name -> !name.matches("(.*\\.)?internal(\\..*)?");
    }
    Set<String> exported = unqualifiedExports(descriptor.get());
    return exported::contains;
  }

  /** The descriptor ({@code module-info.class}) of the module that {@code anchor} belongs to. */
  static Optional<ModuleDescriptor> descriptor(Class<?> anchor) {
    return descriptor(location(anchor));
  }

  /** The packages {@code descriptor} exports to everybody. */
  static Set<String> unqualifiedExports(ModuleDescriptor descriptor) {
    return descriptor.exports().stream()
        .filter(export -> !export.isQualified())
        .map(ModuleDescriptor.Exports::source)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Optional<ModuleDescriptor> descriptor(Path location) {
    return withRoot(
        location,
        root -> {
          Path file = root.resolve("module-info.class");
          if (!Files.exists(file)) {
            return Optional.empty();
          }
          try (var in = Files.newInputStream(file)) {
            return Optional.of(ModuleDescriptor.read(in));
          }
        });
  }

  private static List<String> classNames(Path location) {
    return withRoot(
        location,
        root -> {
          try (Stream<Path> files = Files.walk(root)) {
            return files
                .map(root::relativize)
                .map(Path::toString)
                .filter(name -> name.endsWith(".class") && !name.endsWith("module-info.class"))
                .filter(name -> !name.endsWith("package-info.class"))
                .map(name -> name.substring(0, name.length() - 6).replace('/', '.'))
                .sorted(Comparator.naturalOrder())
                .toList();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private interface RootFunction<T> {
    T apply(Path root) throws IOException;
  }

  private static <T> T withRoot(Path location, RootFunction<T> function) {
    try {
      if (Files.isDirectory(location)) {
        return function.apply(location);
      }
      try (FileSystem jar = FileSystems.newFileSystem(location)) {
        return function.apply(jar.getPath("/"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the classes in " + location, e);
    }
  }

  private static Class<?> load(String className, ClassLoader loader) {
    try {
      return Class.forName(className, false, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("Listed but not loadable: " + className, e);
    }
  }
}
