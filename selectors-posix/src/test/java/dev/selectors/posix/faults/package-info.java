/** Fault injection: a test binding that fails the Nth native call, and the life it fails. */
package dev.selectors.posix.faults;
