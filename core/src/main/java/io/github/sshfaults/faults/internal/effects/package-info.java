/**
 * The effects of the fault model, one record each, built by {@link
 * io.github.sshfaults.faults.Fault}'s factories. Each implements the stage interfaces of {@link
 * io.github.sshfaults.faults.internal} for the stages where it can act, and tells each stage's
 * injector what to do; adding an effect is adding a record here and, where a stage cannot do it
 * yet, a method to that stage's injector. Not exported, not even to our own modules: the engine
 * reaches effects only through the stage interfaces. <strong>Not API</strong>.
 */
package io.github.sshfaults.faults.internal.effects;
