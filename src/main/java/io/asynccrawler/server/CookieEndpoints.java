package io.asynccrawler.server;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import java.util.Map;

/**
 * Cookies, as httpbin's endpoints: {@code /cookies} shows the request's Cookie header,
 * {@code /cookies/set?k=v} sets cookies (Path=/) and redirects to {@code /cookies},
 * {@code /cookies/delete?k} deletes them the same way, and {@code /cookies/raw?line=...} answers
 * with the Set-Cookie lines given, as they are (for the attributes a test wants).
 */
final class CookieEndpoints {
    private CookieEndpoints() {
    }

    static void serve(Call call, String rest) {
        switch (rest) {
            case "":
                show(call);
                break;
            case "set":
            case "delete":
                var response = call.full(HttpResponseStatus.FOUND, "application/json", "{}\n");
                for (Map.Entry<String, List<String>> p : call.parameters().entrySet()) {
                    String value = rest.equals("set") ? p.getKey() + "=" + p.getValue().get(0) + "; Path=/" : p.getKey() + "=; Max-Age=0; Path=/";
                    response.headers().add(HttpHeaderNames.SET_COOKIE, value);
                }
                response.headers().set(HttpHeaderNames.LOCATION, "/cookies");
                call.send(response);
                break;
            case "raw":
                var raw = call.full(HttpResponseStatus.OK, "application/json", "{}\n");
                for (String line : call.parameters().getOrDefault("line", List.of())) {
                    raw.headers().add(HttpHeaderNames.SET_COOKIE, line);
                }
                call.send(raw);
                break;
            default:
                Endpoints.notFound(call);
        }
    }

    /** The request's cookies as {@code {"cookie": "k=v; k2=v2"}} (null when none was sent). */
    private static void show(Call call) {
        String cookie = null;
        for (var e : call.requestHeaders) {
            if (e.getKey().equalsIgnoreCase("cookie")) {
                cookie = e.getValue();
            }
        }
        call.json(HttpResponseStatus.OK, "{\"cookie\": " + (cookie == null ? "null" : Endpoints.quote(cookie)) + "}\n");
    }
}
