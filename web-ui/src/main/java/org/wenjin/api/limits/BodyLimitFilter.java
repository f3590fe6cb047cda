package org.wenjin.api.limits;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.wenjin.knowledge.interfaces.KnowledgeFacade;

/**
 * Request bodies per endpoint: an upload (multipart) may be as large as the knowledge base accepts
 * plus its form fields, every other call {@link ApiLimits#maxJsonBytes()}. A declared
 * Content-Length over the limit is refused before a byte is read; a chunked body is cut off by
 * {@link BoundedInputStream} as soon as it passes the limit. Either way it is a 413 before the
 * resource method runs, so nothing is half-written. Undertow's max-post-size stays the outer cap.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class BodyLimitFilter implements ContainerRequestFilter {

  /** Room for the part headers, boundaries and small form fields around an uploaded file. */
  static final long MULTIPART_ALLOWANCE = 64 * 1024;

  @Context private ResourceInfo resource;

  @Inject private ApiLimits limits;

  @EJB private KnowledgeFacade knowledge;

  @Override
  public void filter(ContainerRequestContext request) {
    boolean upload = isUpload(resource.getResourceMethod());
    // the upload limit needs the tenant-admin role: anyone else gets the facade's 403 here,
    // before their file is read
    long shown = upload ? knowledge.uploadLimits().maxBytes() : limits.maxJsonBytes();
    long limit = upload ? shown + MULTIPART_ALLOWANCE : shown;
    String what = upload ? "The upload" : "The request body";
    if (declaredLength(request) > limit) {
      request.abortWith(new BodyTooLargeException(what, shown).getResponse());
      return;
    }
    request.setEntityStream(
        new BoundedInputStream(
            request.getEntityStream(), limit, () -> new BodyTooLargeException(what, shown)));
  }

  private static boolean isUpload(Method method) {
    Consumes consumes = method == null ? null : method.getAnnotation(Consumes.class);
    return consumes != null
        && Arrays.stream(consumes.value())
            .anyMatch(type -> type.startsWith(MediaType.MULTIPART_FORM_DATA));
  }

  /** -1 when the client did not say (chunked) or said something that is not a number. */
  private static long declaredLength(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    try {
      return header == null ? -1 : Long.parseLong(header.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
