package org.wenjin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.stream.Stream;

/** The server-sent events of a streamed answer ({@code event:}/{@code data:} lines), one by one. */
final class ServerSentEvents {

  record Event(String name, String data) {}

  private ServerSentEvents() {}

  static Iterator<Event> of(HttpResponse<Stream<String>> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    Iterator<String> lines = response.body().iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return lines.hasNext();
      }

      @Override
      public Event next() {
        String name = null;
        String data = null;
        while (lines.hasNext()) {
          String line = lines.next();
          if (line.startsWith("event:")) {
            name = line.substring(6).strip();
          } else if (line.startsWith("data:")) {
            data = line.substring(5).strip();
          } else if (line.isEmpty() && name != null) {
            return new Event(name, data);
          }
        }
        return new Event(name, data);
      }
    };
  }
}
