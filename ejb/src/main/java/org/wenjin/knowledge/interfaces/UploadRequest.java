package org.wenjin.knowledge.interfaces;

import java.io.Serializable;
import java.util.List;

/**
 * A file a tenant admin adds to the knowledge base (from the Documents page or the API).
 *
 * @param title null: the document's own title, else the file name
 * @param collection null: "general"
 * @param visibleTo Keycloak group names; empty: everyone in the company
 */
public record UploadRequest(
    String fileName,
    byte[] bytes,
    String title,
    String collection,
    List<String> labels,
    List<String> visibleTo)
    implements Serializable {}
