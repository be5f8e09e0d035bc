package io.newswatch.console.web;

import io.newswatch.console.service.ServiceException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Failures as pages: a service or Elasticsearch that cannot answer, a page that does not exist. The message says
 * what failed; the key and other secrets are never part of one.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate(basePath = "")
    static class Templates {
        static native TemplateInstance error(int status, String title, String message);
    }

    @ServerExceptionMapper
    public Response serviceFailed(ServiceException e) {
        int status = e.status() == 404 ? 404 : e.status() >= 500 || e.status() < 400 ? 503 : e.status();
        if (status >= 500) {
            LOG.warnf("a page failed: %s", e.getMessage());
        }
        String title = status == 404 ? "Not found" : status >= 500 ? "Unavailable" : "Refused";
        return page(status, title, e.getMessage());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        String message = e.getMessage() == null || e.getMessage().startsWith("HTTP 404")
                ? "There is no such page." : e.getMessage();
        return page(404, "Not found", message);
    }

    private static Response page(int status, String title, String message) {
        return Response.status(status).entity(Templates.error(status, title, message)).type(MediaType.TEXT_HTML_TYPE)
                .build();
    }
}
