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
 */
package io.github.sshfaults.faults;
