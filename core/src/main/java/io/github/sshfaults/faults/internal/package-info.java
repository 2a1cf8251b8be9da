/**
 * The decision side of the fault engine: the live plan of a host, its counters and its seeded
 * per-connection generators. Independent of any SSH library. <strong>Not API</strong>: anything
 * here may change or vanish in any release without notice.
 */
package io.github.sshfaults.faults.internal;
