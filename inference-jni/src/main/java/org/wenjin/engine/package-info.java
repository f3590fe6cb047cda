/**
 * Model SPI and engines (DJL, llama.cpp, OpenAI-compatible HTTP, extractive fallback). Plain Java
 * without Jakarta EE, so it is unit-testable on its own and can be installed into WildFly as a
 * JBoss module: JNI natives load once per JVM and must never sit inside a redeployable archive.
 */
package org.wenjin.engine;
