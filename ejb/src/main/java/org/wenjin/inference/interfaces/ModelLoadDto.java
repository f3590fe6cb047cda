package org.wenjin.inference.interfaces;

import java.io.Serializable;

/** One model's pool: slots, answers being generated, questions waiting. */
public record ModelLoadDto(String id, String label, int slots, int active, int queued)
    implements Serializable {}
