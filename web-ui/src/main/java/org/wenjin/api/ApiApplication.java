package org.wenjin.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Mounts the REST API at {@code /api}; the Vaadin UI serves everything else. */
@ApplicationPath("/api")
public class ApiApplication extends Application {}
