package io.github.sshfaults.sshd;

import static io.github.sshfaults.internal.Preconditions.notBlank;
import static io.github.sshfaults.internal.Preconditions.notNull;
import static io.github.sshfaults.internal.Preconditions.quote;

import io.github.sshfaults.internal.CheckReturnValue;
import io.github.sshfaults.internal.Glob;
import io.github.sshfaults.internal.Regex;
import io.github.sshfaults.sshd.internal.CommandStubs;
import io.github.sshfaults.sshd.internal.shell.ShellScript;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A scripted interactive shell, for code that drives one as network and device automation does:
 * wait for the prompt, type a line, read the answer up to the next prompt. A plain value: each
 * call returns a new shell; {@link FakeSshHost#shell(Shell)} gives it to a host's users.
 *
 * <pre>{@code
 * host.shell(Shell.prompt("router> ")
 *     .withMotd("Welcome to router-1\n")
 *     .withLine("show version", "Cisco IOS Software, Version 15.2(4)M7\n")
 *     .lineGlob("ping *").replies("!!!!!\nSuccess rate is 100 percent (5/5)\n")
 *     .withUnknownLine("% Unknown command or computer name\n"));
 * }</pre>
 *
 * <p>A shell writes its greeting ({@link #withMotd(String)}), then its prompt, and waits for a line. A
 * line ends at CR, LF or CRLF, as clients send it. Each line is answered, then the prompt comes
 * again. What answers a line, first match first:
 *
 * <ol>
 *   <li>in a mode, the lines that return to the shell it was entered from ({@link
 *       #withReturnLines(String...)}; {@code exit} and {@code disable} unless set);
 *   <li>the lines that end the session ({@link #withExitLines(String...)}; {@code exit} and {@code
 *       logout} unless set): the shell ends with exit status 0;
 *   <li>the lines that turn paging off ({@link #withPagingOffLines(String...)});
 *   <li>the lines that enter a mode ({@link #withMode(String, Shell)});
 *   <li>the line stubs of the mode, then those of the shells it was entered from, each the newest
 *       first: {@link #line(String)}, {@link
 *       #lineGlob(String)}, {@link #lineMatching(String)}, {@link #withLine(String, String)}, in the
 *       vocabulary of the host's command stubs ({@link CommandStubbing}, {@link CommandResult},
 *       {@link CommandHandler});
 *   <li>the host's command stubs ({@link FakeSshHost#command(String)} and its kin), unless {@link
 *       #withoutHostCommands()};
 *   <li>the unknown-line answer ({@link #withUnknownLine(String)}); an empty line gets only the prompt.
 * </ol>
 *
 * <p>A line's answer is its stub's stdout, then its stderr; the exit code of a stub has no effect
 * in a shell. With a pseudo-terminal (the client's {@code pty-req}) both go to the terminal, every
 * LF written as CRLF, and the shell echoes what is typed (unless the terminal's modes say {@code
 * ECHO=0}, or {@link #withEcho(boolean)} says otherwise), erases on backspace, cancels the line on
 * Ctrl-C and ends on Ctrl-D at the start of a line; without one, stderr goes to the standard
 * error, bytes go out as they are, and nothing is echoed. When the client closes its side, the
 * shell ends with exit status 0, as a shell at the end of its input does.
 *
 * <p>Modes ({@link #withMode(String, Shell)}) change the prompt and the stubs, behind a password
 * or not; paging ({@link #withPaging(int)}) makes long answers wait for a key.
 *
 * <p>Handlers see the line as {@link CommandInvocation#commandLine()}, the environment of the
 * channel ({@code TERM}, {@code USER}, what the client sent) and an empty stdin: the shell reads
 * what the client types.
 */
@CheckReturnValue
public final class Shell {

  private final ShellScript script;

  private Shell(ShellScript script) {
    this.script = script;
  }

  /**
   * A shell that writes {@code prompt} whenever it waits for a line. Clients find the prompt by
   * matching it themselves, usually with a regular expression; write it as the device does, with
   * its trailing blank: {@code "router> "}, {@code "[admin@web-1 ~]$ "}.
   */
  public static Shell prompt(String prompt) {
    return new Shell(ShellScript.withPrompt(notNull(prompt, "shell prompt")));
  }

  /** This shell, writing {@code greeting} when it starts, before its first prompt. */
  public Shell withMotd(String greeting) {
    return new Shell(script.withMotd(notNull(greeting, "shell greeting")));
  }

  /**
   * This shell, answering exactly {@code line} with {@code output}: the short form of {@code
   * line(line).replies(output)}.
   *
   * @throws IllegalArgumentException when the line is blank
   */
  public Shell withLine(String line, String output) {
    return line(line).replies(output);
  }

  /**
   * Starts a stub for exactly {@code line}, as the client types it (without its line ending). The
   * returned stubbing gives a new shell with the stub once finished ({@link
   * CommandStubbing#replies(String)}, {@link CommandStubbing#answers(CommandHandler)}, ...).
   *
   * @throws IllegalArgumentException when the line is blank
   */
  public CommandStubbing<Shell> line(String line) {
    notBlank(line, "shell line");
    return stubbing(handler -> CommandStubs.exact(line, handler));
  }

  /**
   * Starts a stub for every line that {@code glob} matches as a whole: {@code *} matches any
   * characters, {@code ?} one, everything else itself, as in {@link FakeSshHost#commandGlob(String)}.
   *
   * @throws IllegalArgumentException when the glob is blank
   */
  public CommandStubbing<Shell> lineGlob(String glob) {
    Glob compiled = Glob.commandLine(glob);
    return stubbing(handler -> CommandStubs.glob(compiled, handler));
  }

  /**
   * Starts a stub for every line that {@code regex} matches as a whole.
   *
   * @throws IllegalArgumentException naming the expression when it does not compile
   */
  public CommandStubbing<Shell> lineMatching(String regex) {
    Pattern pattern = Regex.commandLine(regex);
    return stubbing(handler -> CommandStubs.regex(pattern, handler));
  }

  private CommandStubbing<Shell> stubbing(
      Function<CommandHandler, CommandStubs.Stub> stub) {
    return new CommandStubbing<>(handler -> new Shell(script.withStub(stub.apply(handler))));
  }

  /**
   * This shell, ending the session with exit status 0 on exactly these lines, instead of {@code
   * exit} and {@code logout}.
   *
   * @throws IllegalArgumentException when no line is given, or one is blank
   */
  public Shell withExitLines(String... lines) {
    return new Shell(script.withExitLines(lines("withExitLines", lines)));
  }

  /**
   * This shell, answering a line it does not know with {@code text}, where {@code {program}} stands
   * for the line's first word and {@code {line}} for the whole line: {@code "% Unknown command\n"},
   * {@code "bash: {program}: command not found\n"}. Unless set, {@code "{program}: command not
   * found\n"}, as the host answers an exec request it has no stub for. It is the line's stderr: on
   * the terminal with one, on the standard error without.
   */
  public Shell withUnknownLine(String text) {
    return new Shell(script.withUnknown(notNull(text, "unknown line text")));
  }

  /**
   * This shell, echoing what is typed, or not, whatever the terminal: by default it echoes on a
   * pseudo-terminal whose modes do not say {@code ECHO=0}, and not without a pseudo-terminal.
   */
  public Shell withEcho(boolean echo) {
    return new Shell(script.withEcho(echo));
  }

  /**
   * This shell, answering only from its own stubs: lines it does not know get the unknown-line
   * answer even when the host has a command stub for them.
   */
  public Shell withoutHostCommands() {
    return new Shell(script.withHostCommands(false));
  }

  /**
   * This shell, entering {@code mode} when exactly {@code line} is typed, as {@code enable} enters a
   * device's privileged mode. A mode is a shell of its own: its prompt replaces this one, its stubs
   * answer before this shell's, and what it does not set (unknown-line answer, paging, echo, exit
   * lines) it inherits from the shell it was entered from. Its return lines ({@code exit} and
   * {@code disable} unless {@link #withReturnLines(String...)} says otherwise) go back here; its
   * password ({@link #withPassword(String)}) is asked before it is entered. Modes nest: {@code
   * configure terminal} entered from {@code enable}'s mode.
   *
   * <pre>{@code
   * Shell.prompt("router> ")
   *     .withMode("enable", Shell.prompt("router# ")
   *         .withPassword("s3cret")
   *         .withLine("show running-config", "hostname router-1\n"));
   * }</pre>
   *
   * <p>Newer modes on the same line win.
   *
   * @throws IllegalArgumentException when the line is blank
   */
  public Shell withMode(String line, Shell mode) {
    notBlank(line, "mode line");
    notNull(mode, "mode for " + quote(line));
    return new Shell(script.withMode(line, mode.script));
  }

  /**
   * This shell, asking {@code password} before it is entered as a mode: the password prompt
   * ({@code "Password: "} unless {@link #withPasswordPrompt(String)}), then a line that is never
   * echoed (its line ending is). A wrong password gets the refusal ({@code "% Access denied\n"}
   * unless {@link #withPasswordRefusal(String)}) and the shell stays in the mode it was in. A shell
   * given to a host asks it before its first prompt, and a wrong one ends the session with exit
   * status 1. The journal shows the password as {@value
   * io.github.sshfaults.sshd.journal.ShellLine#HIDDEN}.
   *
   * @throws IllegalArgumentException when the password is empty
   */
  public Shell withPassword(String password) {
    notNull(password, "shell password");
    if (password.isEmpty()) {
      throw new IllegalArgumentException(
          "shell password must not be empty, but was \"\"; leave withPassword out for a shell"
              + " entered without one");
    }
    return new Shell(script.withPassword(password, script.passwordPrompt(), script.refusal()));
  }

  /** This shell, asking its password ({@link #withPassword(String)}) at {@code prompt}. */
  public Shell withPasswordPrompt(String prompt) {
    notNull(prompt, "password prompt");
    return new Shell(script.withPassword(script.password(), prompt, script.refusal()));
  }

  /** This shell, answering a wrong password ({@link #withPassword(String)}) with {@code text}. */
  public Shell withPasswordRefusal(String text) {
    notNull(text, "password refusal");
    return new Shell(script.withPassword(script.password(), script.passwordPrompt(), text));
  }

  /**
   * This shell, when entered as a mode ({@link #withMode(String, Shell)}), going back to the shell it
   * was entered from on exactly these lines, instead of {@code exit} and {@code disable}. They are
   * looked at before the lines that end the session.
   *
   * @throws IllegalArgumentException when no line is given, or one is blank
   */
  public Shell withReturnLines(String... lines) {
    return new Shell(script.withReturnLines(lines("withReturnLines", lines)));
  }

  /**
   * This shell, paging what a line writes (on the terminal, with one; stdout, without) as network
   * devices do: after {@code pageLines} lines it writes {@code " --More-- "} and waits for a key:
   * space shows the next page, Enter one more line, any other key ({@code q}, Ctrl-C) drops the
   * rest. The paging prompt is erased with backspaces before the output goes on. 0 turns paging
   * off, in a mode that would inherit it. Modes inherit it.
   *
   * @throws IllegalArgumentException when {@code pageLines} is negative or above 100000
   */
  public Shell withPaging(int pageLines) {
    return withPaging(pageLines, script.more() != null ? script.more() : ShellScript.DEFAULT_MORE);
  }

  /**
   * {@link #withPaging(int)} with another paging prompt, such as {@code "-- More --"} or {@code
   * "---(more)---"}.
   *
   * @throws IllegalArgumentException when {@code pageLines} is negative or above 100000, or the
   *     prompt is empty
   */
  public Shell withPaging(int pageLines, String more) {
    if (pageLines < 0 || pageLines > 100_000) {
      throw new IllegalArgumentException(
          "page length must be between 0 (no paging) and 100000 lines, but was " + pageLines);
    }
    notNull(more, "paging prompt");
    if (more.isEmpty()) {
      throw new IllegalArgumentException(
          "paging prompt must not be empty, but was \"\": a client could not tell where a page"
              + " ends; give a marker such as \" --More-- \", the default");
    }
    return new Shell(script.withPaging(pageLines, more));
  }

  /**
   * This shell, turning paging off for the rest of the session on exactly these lines, as automation
   * does first: {@code "terminal length 0"} (Cisco IOS), {@code "terminal pager 0"} (ASA), {@code
   * "screen-length 0 temporary"} (Huawei), {@code "set cli screen-length 0"} (Junos).
   *
   * @throws IllegalArgumentException when no line is given, or one is blank
   */
  public Shell withPagingOffLines(String... lines) {
    return new Shell(script.withPagingOffLines(lines("withPagingOffLines", lines)));
  }

  /** What the host plays. */
  ShellScript script() {
    return script;
  }

  private static List<String> lines(String call, String... lines) {
    notNull(lines, "lines of " + call);
    if (lines.length == 0) {
      throw new IllegalArgumentException(call + "(...) needs at least one line");
    }
    Arrays.stream(lines).forEach(line -> notBlank(line, "line of " + call));
    return List.of(lines);
  }

  /**
   * {@code Shell[prompt="router> ", 3 line stubs]}: the prompt and what the shell knows.
   */
  @Override
  public String toString() {
    return "Shell[prompt="
        + quote(script.prompt())
        + ", "
        + script.stubs().size()
        + (script.stubs().size() == 1 ? " line stub" : " line stubs")
        + (script.modes().isEmpty()
            ? ""
            : ", " + script.modes().size() + (script.modes().size() == 1 ? " mode" : " modes"))
        + "]";
  }
}
