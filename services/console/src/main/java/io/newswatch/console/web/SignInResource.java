package io.newswatch.console.web;

import io.newswatch.console.service.AlerterClient;
import io.newswatch.console.service.ServiceException;
import io.newswatch.console.session.Session;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;

/**
 * Signing in and out. The form takes the API key of the services; the alerter is asked whether it accepts it, and
 * if so the key goes into the session cookie (see {@link Session}). Nothing here logs or shows the key.
 */
@Path("/")
public class SignInResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signin(String next, String error);

        static native TemplateInstance refused();
    }

    private final AlerterClient alerter;
    private final Session session;

    SignInResource(AlerterClient alerter, Session session) {
        this.alerter = alerter;
        this.session = session;
    }

    @GET
    @Path("signin")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form(@QueryParam("next") String next) {
        return Templates.signin(local(next), null);
    }

    @POST
    @Path("signin")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response signIn(@RestForm("key") String key, @RestForm("next") String next) {
        String target = local(next);
        String candidate = key == null ? "" : key.strip();
        if (candidate.isEmpty()) {
            return page(400, target, "Enter the API key.");
        }
        try {
            if (!alerter.accepts(candidate)) {
                return page(403, target, "The services refused this key.");
            }
        } catch (ServiceException e) {
            return page(503, target, "The key cannot be checked now: " + e.getMessage() + ".");
        }
        return Response.seeOther(URI.create(target)).header(HttpHeaders.SET_COOKIE, session.signInCookie(candidate))
                .build();
    }

    @POST
    @Path("signout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut() {
        return Response.seeOther(URI.create("/")).header(HttpHeaders.SET_COOKIE, session.signOutCookie()).build();
    }

    /** Off to the sign-in form, then back to {@code next}. */
    static Response redirect(String next) {
        return Response.seeOther(URI.create("/signin?next=" + SearchResource.encode(next))).build();
    }

    /** A change asked for without a key: refused here, before any service is asked. */
    static Response refused() {
        return Response.status(401).entity(Templates.refused()).type(MediaType.TEXT_HTML_TYPE).build();
    }

    private Response page(int status, String next, String error) {
        return Response.status(status).entity(Templates.signin(next, error)).type(MediaType.TEXT_HTML_TYPE).build();
    }

    /** Only a path of this console: never another site (an open redirect). */
    static String local(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return next;
    }
}
