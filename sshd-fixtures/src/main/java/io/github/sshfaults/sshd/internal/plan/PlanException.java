package io.github.sshfaults.sshd.internal.plan;

/**
 * A plan file that cannot be used, with where and why: {@code plan.yaml:12: hosts.web.faults[1]:
 * unknown fault "drop-conection" ...}.
 */
public final class PlanException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String location;

  /**
   * @param location {@code file:line}, or the file alone when the line is unknown
   * @param field the field's path in the plan ({@code hosts.web.faults[1]}), or empty
   * @param problem what is wrong and what is allowed
   * @param cause what found the problem, or null
   */
  PlanException(String location, String field, String problem, Throwable cause) {
    super(location + ": " + (field.isEmpty() ? "" : field + ": ") + problem, cause);
    this.location = location;
  }

  /** {@code file:line} of the problem, or the file alone. */
  public String location() {
    return location;
  }
}
