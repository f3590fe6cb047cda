/**
 * Knowledge-base tables: documents and their original bytes (tenant-owned), and the durable
 * ingestion queue (platform-owned; the worker enters each job's tenant).
 */
package org.wenjin.persistence.knowledge;
