package org.wenjin.knowledge.application;

import java.util.List;

/**
 * A file to add to the knowledge base.
 *
 * @param title null: the document's own title, else the file name
 * @param collection null: "general"
 * @param visibleTo Keycloak group names; empty: everyone in the company
 */
public record UploadCommand(
    String fileName,
    byte[] bytes,
    String title,
    String collection,
    List<String> labels,
    List<String> visibleTo) {}
