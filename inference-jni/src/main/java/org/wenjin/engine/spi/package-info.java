/**
 * The model SPI: what the application needs from a language model (streamed generation that can be
 * cancelled) and how backends plug in ({@link org.wenjin.engine.spi.ChatModelProvider}, found
 * through {@link java.util.ServiceLoader}, in the shape of Keycloak's provider factories). Passages
 * reach text models inside a data block they cannot close ({@link
 * org.wenjin.engine.spi.PassageBlock}).
 */
package org.wenjin.engine.spi;
