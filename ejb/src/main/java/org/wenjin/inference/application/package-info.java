/**
 * The installation's models as services ({@code GenerationService} for other contexts): the
 * registry file the operator writes, the pool that admits, queues and cancels generations per model
 * ({@link org.wenjin.inference.application.ModelLane}), and the shared embedding model.
 */
package org.wenjin.inference.application;
