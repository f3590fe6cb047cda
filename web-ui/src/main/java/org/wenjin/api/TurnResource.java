package org.wenjin.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.wenjin.chat.interfaces.AnswerFacade;

/**
 * {@code POST /api/turns/{id}/stop}: stops the caller's answer being written (the partial text is
 * kept, marked stopped); another user's turn answers 404, like a missing one.
 */
@Path("turns")
@RequestScoped
public class TurnResource {

  @EJB private AnswerFacade answers;

  @POST
  @Path("{id}/stop")
  public Response stop(@PathParam("id") long turnId) {
    answers.stop(turnId);
    return Response.noContent().build();
  }
}
