package io.github.sshfaults.faults.internal;

import io.github.sshfaults.faults.Fault;
import java.util.random.RandomGenerator;

/**
 * A fault that fires on an occasion.
 *
 * @param rule the fault's position in the plan, from 1
 * @param fault the fault
 * @param random the generator for this firing's own random choices (a delay, garbage bytes)
 */
public record Firing(int rule, Fault fault, RandomGenerator random) {}
