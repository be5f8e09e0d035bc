package io.newswatch.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.console.config.ConsoleConfig;
import io.newswatch.console.live.LiveAlerts;
import io.newswatch.console.service.AlerterClient;
import io.newswatch.console.service.ServiceException;
import io.newswatch.contract.Json;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /}: the alerts, newest first, live. The page lists the newest alerts (the alerter's history, and what
 * this console received since), then a server-sent event stream ({@code /alerts/stream}) pushes each new alert as
 * it is raised; htmx's SSE extension puts it at the top. The stream starts after the newest alert the page was
 * rendered with, and a reconnecting browser says where it stopped ({@code Last-Event-ID}), so nothing is missed in
 * between. {@code ?rule=ID} shows one rule's alerts.
 */
@Path("/")
public class AlertsResource {

    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance alerts(AlertsView view);

        static native TemplateInstance alerts$item(AlertView alert);
    }

    /**
     * The page.
     *
     * @param alerts  newest first
     * @param rules   the rules to filter by
     * @param rule    the rule shown, or null for all
     * @param stream  the address of the live stream for this page
     * @param error   why the history could not be read, or null
     */
    public record AlertsView(List<AlertView> alerts, List<Choice> rules, String rule, String ruleName, String stream,
                             String error) {
    }

    /** A rule in the filter. */
    public record Choice(String id, String name, boolean selected) {
    }

    private final AlerterClient alerter;
    private final LiveAlerts live;
    private final ConsoleConfig config;

    AlertsResource(AlerterClient alerter, LiveAlerts live, ConsoleConfig config) {
        this.alerter = alerter;
        this.live = live;
        this.config = config;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("rule") String rule) {
        String ruleId = rule == null || rule.isBlank() ? null : rule.strip();
        long after = live.latest();
        Map<String, AlertView> alerts = new LinkedHashMap<>();
        String error = null;
        for (LiveAlerts.Live received : live.after(0)) {
            if (ruleId == null || ruleId.equals(received.alert().ruleId())) {
                AlertView view = AlertView.of(Json.mapper().valueToTree(received.alert()), config.timeZone(), false);
                alerts.put(view.id(), view);
            }
        }
        try {
            for (JsonNode alert : alerter.alerts(ruleId, config.recentAlerts())) {
                AlertView view = AlertView.of(alert, config.timeZone(), false);
                alerts.putIfAbsent(view.id(), view);
            }
        } catch (ServiceException e) {
            error = "The alert history is unavailable: " + e.getMessage() + ". New alerts still appear here.";
        }
        List<AlertView> newest = new ArrayList<>(alerts.values());
        newest.sort(Comparator.comparing(AlertView::timestamp, Comparator.nullsLast(Comparator.reverseOrder())));
        List<AlertView> shown = newest.subList(0, Math.min(newest.size(), config.recentAlerts()));

        List<Choice> rules = new ArrayList<>();
        String ruleName = null;
        try {
            for (JsonNode candidate : alerter.rules()) {
                String id = candidate.path("id").asText();
                String name = candidate.path("name").asText(id);
                rules.add(new Choice(id, name, id.equals(ruleId)));
                if (id.equals(ruleId)) {
                    ruleName = name;
                }
            }
        } catch (ServiceException e) {
            if (error == null) {
                error = "The rules are unavailable: " + e.getMessage() + ".";
            }
        }
        String stream = "/alerts/stream?after=" + after + (ruleId == null ? "" : "&rule="
                + java.net.URLEncoder.encode(ruleId, java.nio.charset.StandardCharsets.UTF_8));
        return Templates.alerts(new AlertsView(shown, rules, ruleId, ruleName, stream, error));
    }

    /**
     * New alerts as server-sent events named {@code alert}, each an HTML list item; a comment every 15 s keeps
     * proxies from closing an idle stream.
     */
    @GET
    @Path("alerts/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@QueryParam("rule") String rule, @QueryParam("after") Long after,
                                          @HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        String ruleId = rule == null || rule.isBlank() ? null : rule.strip();
        long from = resumeFrom(after, lastEventId);
        Multi<OutboundSseEvent> alerts = Multi.createFrom().emitter(emitter -> {
            Runnable cancel = live.subscribe(from, received -> {
                if (ruleId == null || ruleId.equals(received.alert().ruleId())) {
                    AlertView view = AlertView.of(Json.mapper().valueToTree(received.alert()), config.timeZone(),
                            true);
                    String html = Templates.alerts$item(view).render().replace('\n', ' ');
                    emitter.emit(sse.newEventBuilder().id(String.valueOf(received.sequence())).name("alert")
                            .data(html).build());
                }
            });
            emitter.onTermination(cancel);
        }, BackPressureStrategy.BUFFER);
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(HEARTBEAT)
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        return Multi.createBy().merging().streams(alerts, heartbeats);
    }

    /** Where a stream resumes: after the browser's last event when it reconnects, else after the page's newest. */
    static long resumeFrom(Long after, String lastEventId) {
        if (lastEventId != null && lastEventId.strip().matches("\\d{1,18}")) {
            return Long.parseLong(lastEventId.strip());
        }
        return after == null || after < 0 ? Long.MAX_VALUE : after;
    }
}
