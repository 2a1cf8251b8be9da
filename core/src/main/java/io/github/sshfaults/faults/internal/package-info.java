/**
 * The decision side of the fault engine: the live plan of a host, its counters and its seeded
 * per-connection generators, and the contract between the fault model and an engine that applies
 * it. Independent of any SSH library. <strong>Not API</strong>: anything here may change or vanish
 * in any release without notice.
 *
 * <h2>For maintainers: how a fault reaches the wire</h2>
 *
 * <ul>
 *   <li><b>Plain public values.</b> {@link io.github.sshfaults.faults.Fault}, {@link
 *       io.github.sshfaults.faults.Trigger} and {@link io.github.sshfaults.faults.Delay} keep their
 *       state private and publish no getter that would put an internal type into the API. Each
 *       wraps an internal value ({@link io.github.sshfaults.faults.internal.FaultSpec}, a list of
 *       {@link io.github.sshfaults.faults.internal.Condition}s, a {@link
 *       io.github.sshfaults.faults.internal.DelaySpec}), which the engine reads through {@link
 *       io.github.sshfaults.faults.internal.ModelAccess}: each public class installs its reader
 *       there from its static initializer, the JDK's {@code SharedSecrets} pattern.
 *   <li><b>One record per effect</b>, in {@code faults.internal.effects}, which no other module
 *       may read. An effect implements one stage interface ({@link
 *       io.github.sshfaults.faults.internal.ConnectEffect}, {@link
 *       io.github.sshfaults.faults.internal.AuthEffect}, ...) per kind of occasion where it can
 *       act; each has one method that tells that occasion's injector what to do ({@code
 *       drop.atConnect(injector, firing)} calls {@code injector.drop(firing)}), as WireMock's
 *       {@code Fault.apply(FaultInjector)} does. The injector interfaces are nested in the stage
 *       interfaces; the engine implements them with what that stage can do on the wire. So the
 *       engine never asks which effect it holds, and a missing case does not compile.
 *   <li><b>One table</b>, {@link io.github.sshfaults.faults.internal.OccasionKind}: a stage, its
 *       effect interface, whether it counts bytes, what the occasion knows (user, command, SFTP
 *       request), and how to call the effects. The stages a fault may be placed at, whether it
 *       takes {@code afterBytes} or a {@code direction} there, and which trigger conditions make
 *       sense are all read from it and from the interfaces an effect implements: adding an effect
 *       touches its own record and the injectors of the stages where it acts, nothing else.
 *   <li><b>One dispatch</b>, {@link io.github.sshfaults.faults.internal.LivePlan#dispatch}: first
 *       match (each fault of the occasion's kind against its trigger, and whether its effect can
 *       act there: {@code actsOn}), then hand each fault that fired to its effect, in precedence
 *       order. The injector applies what it was told, and counts a fault only where it applies it
 *       ({@link io.github.sshfaults.faults.internal.Firing#takeEffect()}), so counts, {@code
 *       atMost} and the journal agree with the wire.
 * </ul>
 */
package io.github.sshfaults.faults.internal;
