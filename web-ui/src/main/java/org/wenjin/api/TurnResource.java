package org.wenjin.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.wenjin.chat.interfaces.AnswerFacade;
import org.wenjin.chat.interfaces.ConversationFacade;

/**
 * {@code POST /api/turns/{id}/stop}: stops the caller's answer being written (the partial text is
 * kept, marked stopped); {@code PUT /api/turns/{id}/feedback} {@code {"rating":1|-1,"comment":…}}
 * rates an answer (recorded for the audit). Another user's turn answers 404, like a missing one.
 */
@Path("turns")
@RequestScoped
public class TurnResource {

  @EJB private AnswerFacade answers;

  @EJB private ConversationFacade conversations;

  @POST
  @Path("{id}/stop")
  public Response stop(@PathParam("id") long turnId) {
    answers.stop(turnId);
    return Response.noContent().build();
  }

  @PUT
  @Path("{id}/feedback")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject feedback(@PathParam("id") long turnId, JsonObject body) {
    if (body == null
        || !(body.get("rating") instanceof JsonNumber rating)
        || !rating.isIntegral()
        || rating.bigIntegerValue().abs().compareTo(java.math.BigInteger.ONE) != 0) {
      throw new InvalidRequestException("Send {\"rating\":1} or {\"rating\":-1}, and a comment.");
    }
    String comment = body.get("comment") instanceof JsonString c ? c.getString() : null;
    return JsonViews.turn(conversations.rate(turnId, rating.intValue(), comment));
  }
}
