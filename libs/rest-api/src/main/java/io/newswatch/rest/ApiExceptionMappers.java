package io.newswatch.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.stream.Collectors;

/** Turns bad input into 4xx answers with an {@link ApiError} body instead of an empty or HTML one. */
public class ApiExceptionMappers {

    @ServerExceptionMapper
    public Response apiException(ApiException e) {
        return response(e.toError());
    }

    /** A body that is not JSON, or JSON of the wrong shape: say which field and where. */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? mapping.getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName()
                        : String.valueOf(ref.getIndex())).collect(Collectors.joining("."))
                : null;
        Integer position = e.getLocation() == null ? null : (int) e.getLocation().getCharOffset();
        return response(new ApiError(400, "invalid JSON: " + e.getOriginalMessage(), field, position));
    }

    static Response response(ApiError error) {
        return Response.status(error.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }
}
