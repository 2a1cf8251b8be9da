package io.github.sshfaults.sshd.internal.shell;

import io.github.sshfaults.sshd.internal.CommandStubs;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link io.github.sshfaults.sshd.Shell} describes, as the shell reads it: one level of a
 * shell (the shell itself, or a mode entered from it). Immutable; each {@code with...} returns a
 * copy. Settings that are null are inherited from the mode a mode was entered from, and have their
 * defaults at the top.
 *
 * @param prompt what the shell writes when it waits for a line
 * @param motd what it writes when it starts, before its first prompt (or password prompt)
 * @param stubs its line stubs, newest first
 * @param modes the modes it can enter, newest first
 * @param password the password asked before entering it; null when none is asked
 * @param passwordPrompt the prompt for the password
 * @param refusal what a wrong password gets
 * @param exitLines the lines that end the session; null to inherit ({@code exit}, {@code logout})
 * @param returnLines the lines that return to the mode it was entered from; null for {@link
 *     #DEFAULT_RETURN_LINES}
 * @param unknown what an unknown line gets, {@code {program}} and {@code {line}} replaced; null to
 *     inherit
 * @param pageLines lines per page, 0 for no paging; null to inherit (no paging)
 * @param more the paging prompt; null to inherit
 * @param echo whether typed characters are echoed; null to inherit (echo with a terminal whose
 *     modes do not say {@code ECHO=0})
 * @param hostCommands whether lines the shell does not know are looked up in the host's command
 *     stubs; null to inherit (yes)
 * @param pagingOffLines the lines that turn paging off for the rest of the session; null to
 *     inherit (none)
 */
public record ShellScript(
    String prompt,
    String motd,
    List<CommandStubs.Stub> stubs,
    List<Mode> modes,
    String password,
    String passwordPrompt,
    String refusal,
    List<String> exitLines,
    List<String> returnLines,
    String unknown,
    Integer pageLines,
    String more,
    Boolean echo,
    Boolean hostCommands,
    List<String> pagingOffLines) {

  /** What ends a session unless a shell says otherwise. */
  public static final List<String> DEFAULT_EXIT_LINES = List.of("exit", "logout");

  /** What an unknown line gets unless a shell says otherwise. */
  public static final String DEFAULT_UNKNOWN = "{program}: command not found\n";

  /** What returns from a mode to the one before unless a mode says otherwise. */
  public static final List<String> DEFAULT_RETURN_LINES = List.of("exit", "disable");

  /** The paging prompt unless a shell says otherwise, as Cisco IOS writes it. */
  public static final String DEFAULT_MORE = " --More-- ";

  /** The password prompt unless a shell says otherwise. */
  public static final String DEFAULT_PASSWORD_PROMPT = "Password: ";

  /** What a wrong password gets unless a shell says otherwise, as Cisco IOS writes it. */
  public static final String DEFAULT_REFUSAL = "% Access denied\n";

  /**
   * A mode and the line that enters it.
   *
   * @param line the line, exactly
   * @param script the mode
   */
  public record Mode(String line, ShellScript script) {}

  /** Copies the lists. */
  public ShellScript {
    stubs = List.copyOf(stubs);
    modes = List.copyOf(modes);
    exitLines = exitLines == null ? null : List.copyOf(exitLines);
    returnLines = returnLines == null ? null : List.copyOf(returnLines);
    pagingOffLines = pagingOffLines == null ? null : List.copyOf(pagingOffLines);
  }

  /** A shell that writes {@code prompt} and knows no line. */
  public static ShellScript withPrompt(String prompt) {
    return new ShellScript(
        prompt,
        "",
        List.of(),
        List.of(),
        null,
        DEFAULT_PASSWORD_PROMPT,
        DEFAULT_REFUSAL,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** This shell with another greeting. */
  public ShellScript withMotd(String motd) {
    Copy copy = copy();
    copy.motd = motd;
    return copy.build();
  }

  /** This shell with {@code stub} before its others. */
  public ShellScript withStub(CommandStubs.Stub stub) {
    Copy copy = copy();
    copy.stubs = new ArrayList<>();
    copy.stubs.add(stub);
    copy.stubs.addAll(stubs);
    return copy.build();
  }

  /** This shell entering {@code mode} on {@code line}, before its other modes. */
  public ShellScript withMode(String line, ShellScript mode) {
    Copy copy = copy();
    copy.modes = new ArrayList<>();
    copy.modes.add(new Mode(line, mode));
    copy.modes.addAll(modes);
    return copy.build();
  }

  /** This shell asking {@code password} at {@code passwordPrompt} before it is entered. */
  public ShellScript withPassword(String password, String passwordPrompt, String refusal) {
    Copy copy = copy();
    copy.password = password;
    copy.passwordPrompt = passwordPrompt;
    copy.refusal = refusal;
    return copy.build();
  }

  /** This shell ending the session on {@code lines}. */
  public ShellScript withExitLines(List<String> lines) {
    Copy copy = copy();
    copy.exitLines = lines;
    return copy.build();
  }

  /** This shell returning to the mode before on {@code lines}. */
  public ShellScript withReturnLines(List<String> lines) {
    Copy copy = copy();
    copy.returnLines = lines;
    return copy.build();
  }

  /** This shell answering unknown lines with {@code unknown}. */
  public ShellScript withUnknown(String unknown) {
    Copy copy = copy();
    copy.unknown = unknown;
    return copy.build();
  }

  /** This shell paging after {@code pageLines} lines with {@code more}. */
  public ShellScript withPaging(int pageLines, String more) {
    Copy copy = copy();
    copy.pageLines = pageLines;
    copy.more = more;
    return copy.build();
  }

  /** This shell echoing, or not. */
  public ShellScript withEcho(boolean echo) {
    Copy copy = copy();
    copy.echo = echo;
    return copy.build();
  }

  /** This shell looking up the host's command stubs, or not. */
  public ShellScript withHostCommands(boolean hostCommands) {
    Copy copy = copy();
    copy.hostCommands = hostCommands;
    return copy.build();
  }

  /** This shell turning paging off on {@code lines}. */
  public ShellScript withPagingOffLines(List<String> lines) {
    Copy copy = copy();
    copy.pagingOffLines = lines;
    return copy.build();
  }

  private Copy copy() {
    return new Copy(this);
  }

  /** The fields of a script, to change one and build another. */
  private static final class Copy {
    String prompt;
    String motd;
    List<CommandStubs.Stub> stubs;
    List<Mode> modes;
    String password;
    String passwordPrompt;
    String refusal;
    List<String> exitLines;
    List<String> returnLines;
    String unknown;
    Integer pageLines;
    String more;
    Boolean echo;
    Boolean hostCommands;
    List<String> pagingOffLines;

    Copy(ShellScript from) {
      prompt = from.prompt;
      motd = from.motd;
      stubs = from.stubs;
      modes = from.modes;
      password = from.password;
      passwordPrompt = from.passwordPrompt;
      refusal = from.refusal;
      exitLines = from.exitLines;
      returnLines = from.returnLines;
      unknown = from.unknown;
      pageLines = from.pageLines;
      more = from.more;
      echo = from.echo;
      hostCommands = from.hostCommands;
      pagingOffLines = from.pagingOffLines;
    }

    ShellScript build() {
      return new ShellScript(
          prompt,
          motd,
          stubs,
          modes,
          password,
          passwordPrompt,
          refusal,
          exitLines,
          returnLines,
          unknown,
          pageLines,
          more,
          echo,
          hostCommands,
          pagingOffLines);
    }
  }
}
