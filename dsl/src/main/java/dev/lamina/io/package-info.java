/**
 * Reading files whose size cannot be trusted: every reader of the command line is bounded by the
 * bytes it has actually read, so a device ({@code /dev/zero}), a pipe ({@code --data <(cat f)}) or
 * a file that grows while it is read cannot fill the memory. A leaf package: it depends on nothing
 * else of Lamina.
 */
package dev.lamina.io;
