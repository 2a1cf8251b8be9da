/**
 * The fault model: what goes wrong ({@link io.github.sshfaults.faults.Fault}), where in the life of
 * a connection ({@link io.github.sshfaults.faults.Stage}) and when ({@link
 * io.github.sshfaults.faults.Trigger}). Faults are immutable values; a {@link
 * io.github.sshfaults.faults.FaultPlan} is an immutable list of them, and {@link
 * io.github.sshfaults.faults.HostFaults} is the live plan of one running fake host.
 *
 * <pre>{@code
 * host.faults().add(Fault.rejectAuth().forUser("deploy"));
 * host.faults().add(Fault.dropConnection().at(Stage.AFTER_AUTH).firstAttempts(2));
 * host.faults().add(Fault.delay(Delay.uniform(Duration.ofMillis(50), Duration.ofMillis(150))));
 * }</pre>
 *
 * <h2>How the fault DSL reads</h2>
 *
 * <p>A fault reads as a sentence, and each word is a method that returns a new value: an effect
 * ({@code dropConnection()}), {@code at} a stage, {@code afterBytes} a count, in a {@code
 * direction}; {@code for} whom or what ({@code forUser}, {@code forCommand}, {@code forSftp},
 * {@code forPath}), {@code with} what chance ({@code withProbability}), {@code on} which connection
 * ({@code onConnection}; {@code firstConnections}, {@code fromConnection}, {@code firstAttempts},
 * {@code everyNth} and {@code atMost} for counts), and {@code when} any other {@link
 * io.github.sshfaults.faults.Trigger} holds. {@code Trigger}'s factories carry the same names as
 * {@code Fault}'s shorthands: {@code Trigger.forUser("deploy")} is what {@code
 * fault.forUser("deploy")} adds.
 *
 * <p>Matchers follow one rule across stubs, triggers and verification: the bare name matches
 * exactly ({@code forCommand}, {@code forPath}), {@code ...Glob} takes a glob ({@code
 * forCommandGlob}, {@code forPathGlob}), {@code ...Matching} a regular expression ({@code
 * forCommandMatching}). Protocol codes are enums ({@link
 * io.github.sshfaults.faults.DisconnectReason}, {@link
 * io.github.sshfaults.faults.ChannelOpenFailure}, {@link io.github.sshfaults.faults.SftpStatus},
 * {@link io.github.sshfaults.faults.AuthMethod}); a code the RFCs do not define takes a factory
 * that says so ({@code disconnectWithCode}, {@code rejectChannelOpenWithCode}).
 *
 * <p>No getter shares a name with a DSL method: a fault tells only its {@code stage()}, and its
 * {@code toString()} reads back as the calls that made it, which is how plans, failure reports and
 * the journal show it.
 */
package io.github.sshfaults.faults;
