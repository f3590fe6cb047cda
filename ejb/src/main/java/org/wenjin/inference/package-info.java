/**
 * Inference context: the models the operator registered ({@code application.ModelCatalog}) and the
 * pool that shares each model between all users ({@code application.InferencePool}): a bounded
 * number of concurrent generations per model, a bounded queue that is fair across tenants,
 * timeouts, and cancellation that frees the slot at once.
 */
package org.wenjin.inference;
