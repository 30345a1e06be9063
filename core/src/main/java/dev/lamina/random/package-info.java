/** Seeded, fully specified random numbers: no global random state anywhere in Lamina. */
package dev.lamina.random;
