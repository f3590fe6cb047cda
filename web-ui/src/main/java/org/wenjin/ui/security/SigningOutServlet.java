package org.wenjin.ui.security;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.wenjin.ui.i18n.Language;
import org.wenjin.ui.i18n.Messages;

/**
 * {@code GET /signing-out}: a page of its own between the app and {@link SignOutServlet}, open
 * without sign-in. Vaadin tells the server that a page closed with a beacon request when the next
 * page is shown; were the next page Keycloak's sign-in, the beacon would arrive without a session
 * and start a sign-in of its own, whose state cookie replaces the one the sign-in page was opened
 * with: signing in on that page then failed ("state parameter invalid", a 400). Shown first, this
 * page takes the beacon while the session still lives, then goes on to {@code /signout}.
 */
@WebServlet("/signing-out")
public class SigningOutServlet extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Locale spoken = SignOutServlet.spoken(request.getSession(false));
    Locale locale = Language.of(spoken == null ? Locale.ENGLISH : spoken).locale();
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("text/html;charset=UTF-8");
    response.getOutputStream().write(page(locale).getBytes(StandardCharsets.UTF_8));
  }

  /** Refreshes to /signout: no script, as the content security policy allows none inline. */
  static String page(Locale locale) {
    return """
        <!DOCTYPE html>
        <html lang="%s"><head><meta charset="utf-8">
        <meta http-equiv="refresh" content="0;url=signout">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s</title></head>
        <body style="font-family: sans-serif; margin: 2em"><p>%s</p></body></html>
        """
        .formatted(
            locale.toLanguageTag(),
            Messages.format("signing-out.title", locale),
            Messages.format("signing-out.text", locale));
  }
}
