package io.github.sshfaults.sshd.internal.plan;

import static io.github.sshfaults.internal.Preconditions.quote;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A node of a plan file with its place in the file (line) and in the plan ({@code
 * hosts.web.users.alice.password}), read as the plan's fields expect it: every read that finds
 * something else throws a {@link PlanException} naming the file, line and field, what it found and
 * what is allowed.
 */
final class PlanNode {

  private final String file;
  private final Node node;
  private final String field;

  PlanNode(String file, Node node, String field) {
    this.file = file;
    this.node = node;
    this.field = field;
  }

  /** The field's path, {@code hosts.web.faults[1]}. */
  String field() {
    return field;
  }

  /** {@code plan.yaml:12}, the line where the node starts. */
  String location() {
    return node.getStartMark().map(mark -> file + ":" + (mark.getLine() + 1)).orElse(file);
  }

  /** A problem with this node: {@code plan.yaml:12: hosts.web.seed: <problem>}. */
  PlanException problem(String problem) {
    return new PlanException(location(), field, problem, null);
  }

  /** A problem with this node, found by {@code cause}. */
  PlanException problem(String problem, Throwable cause) {
    return new PlanException(location(), field, problem, cause);
  }

  /** Whether the node is a mapping. */
  boolean isMapping() {
    return node instanceof MappingNode;
  }

  /** Whether the node is empty: a key with nothing after it, or {@code null}. */
  boolean isNull() {
    return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
  }

  /**
   * The node as a mapping with the given keys at most, in file order.
   *
   * @param allowed the keys it may have; null for any key (a mapping of names)
   */
  Map<String, PlanNode> mapping(Collection<String> allowed) {
    if (!(node instanceof MappingNode mapping)) {
      throw problem(
          "expected a mapping"
              + (allowed == null ? "" : " with the keys " + String.join(", ", new TreeSet<>(allowed)))
              + ", but found "
              + describe(node));
    }
    Map<String, PlanNode> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      PlanNode keyNode = new PlanNode(file, tuple.getKeyNode(), field);
      if (!(tuple.getKeyNode() instanceof ScalarNode scalar)
          || scalar.getTag().equals(Tag.NULL)) {
        throw keyNode.problem(
            "expected a key that is a plain word, but found " + describe(tuple.getKeyNode()));
      }
      String key = scalar.getValue();
      PlanNode value = new PlanNode(file, tuple.getValueNode(), child(key));
      if (allowed != null && !allowed.contains(key)) {
        throw new PlanNode(file, tuple.getKeyNode(), child(key))
            .problem(
                "unknown key "
                    + quote(key)
                    + "; "
                    + (field.isEmpty() ? "the plan" : field)
                    + " may have "
                    + String.join(", ", new TreeSet<>(allowed)));
      }
      if (entries.put(key, value) != null) {
        throw new PlanNode(file, tuple.getKeyNode(), child(key))
            .problem("key " + quote(key) + " appears twice; each key may appear once");
      }
    }
    return entries;
  }

  /** The node as a sequence of nodes. */
  List<PlanNode> list() {
    if (!(node instanceof SequenceNode sequence)) {
      throw problem("expected a list (lines starting with \"- \"), but found " + describe(node));
    }
    List<PlanNode> items = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      items.add(new PlanNode(file, item, field + "[" + items.size() + "]"));
    }
    return items;
  }

  /** The node as text: any scalar but null ({@code 1234} is the text {@code "1234"}). */
  String string() {
    if (!(node instanceof ScalarNode scalar) || scalar.getTag().equals(Tag.NULL)) {
      throw problem("expected text, but found " + describe(node));
    }
    return scalar.getValue();
  }

  /** The node as a whole number between {@code min} and {@code max}. */
  long wholeNumber(long min, long max) {
    String text = scalarText("a whole number between " + min + " and " + max);
    try {
      long value = Long.parseLong(text.strip());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw problem(
        "expected a whole number between " + min + " and " + max + ", but found " + quote(text));
  }

  /** The node as {@code true} or {@code false}. */
  boolean bool() {
    String text = scalarText("true or false");
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(text);
    }
    throw problem("expected true or false, but found " + quote(text));
  }

  /** The node as a constant of {@code type}, by name in any case, with {@code -} or {@code _}. */
  <E extends Enum<E>> E constant(Class<E> type) {
    List<String> names =
        Arrays.stream(type.getEnumConstants())
            .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-'))
            .toList();
    String text = scalarText("one of " + String.join(", ", names));
    String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(name)) {
        return constant;
      }
    }
    throw problem("expected one of " + String.join(", ", names) + ", but found " + quote(text));
  }

  private String scalarText(String expected) {
    if (!(node instanceof ScalarNode scalar) || scalar.getTag().equals(Tag.NULL)) {
      throw problem("expected " + expected + ", but found " + describe(node));
    }
    return scalar.getValue();
  }

  private String child(String key) {
    return field.isEmpty() ? key : field + "." + key;
  }

  private static String describe(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping (key: value lines)";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    if (node instanceof ScalarNode scalar) {
      return scalar.getTag().equals(Tag.NULL) ? "nothing" : quote(scalar.getValue());
    }
    return "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
