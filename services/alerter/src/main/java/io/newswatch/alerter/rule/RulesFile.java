package io.newswatch.alerter.rule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newswatch.alerter.delivery.Redaction;
import io.newswatch.contract.Rule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads rules.yaml: {@code rules:} followed by a list of {@link RuleRequest}s, each with an id. Unknown keys are
 * errors (a misspelt {@code chanels:} must not silently become the default).
 *
 * <p>A file that cannot be read as such a list stops the start (a configuration mistake, with the line). A rule of
 * it that is wrong does not: a rule whose only fault is its query is kept, and shows as broken with the reason and
 * position in {@code GET /rules} and {@code ./newswatch status}; any other wrong rule is left out. Both are in
 * {@link Loaded#problems()}, naming the file, the rule and the field, for the log and the health check.
 */
public final class RulesFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private RulesFile() {
    }

    /**
     * What a rules file gave.
     *
     * @param rules    the rules to write to the rule store
     * @param problems what is wrong with the file's rules, one line each
     */
    public record Loaded(List<Rule> rules, List<String> problems) {
    }

    /** Reads and checks every rule of the file; throws only when the file as a whole cannot be read. */
    public static Loaded read(Path file, RuleFactory factory) {
        JsonNode content;
        try {
            content = YAML.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rules file " + file + " is not valid YAML: "
                    + Redaction.text(e.getOriginalMessage())
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read rules file " + file + ": " + e.getMessage(), e);
        }
        JsonNode list = content == null || content.isMissingNode() || content.isNull() ? null : content.get("rules");
        if (content != null && !content.isNull() && !content.isMissingNode()
                && (!content.isObject() || content.size() != (list == null ? 0 : 1))) {
            throw new IllegalStateException("rules file " + file + " is not valid: it holds 'rules:' and a list of"
                    + " rules, nothing else");
        }
        if (list != null && !list.isNull() && !list.isArray()) {
            throw new IllegalStateException("rules file " + file + " is not valid: 'rules:' is a list of rules");
        }
        List<Rule> rules = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; list != null && i < list.size(); i++) {
            String where = "rules file " + file + ", rule " + (i + 1);
            RuleRequest request;
            try {
                request = YAML.treeToValue(list.get(i), RuleRequest.class);
            } catch (JsonProcessingException e) {
                problems.add(where + ": left out: " + Redaction.text(e.getOriginalMessage()));
                continue;
            }
            where += request.id() == null ? "" : " (" + request.id() + ")";
            if (request.id() == null) {
                problems.add(where + ": left out: every rule in a file needs an id");
                continue;
            }
            if (!ids.add(request.id())) {
                problems.add(where + ": left out: the id is used twice");
                continue;
            }
            try {
                rules.add(factory.build(request.id(), request));
            } catch (InvalidRuleException e) {
                String problem = e.field() + ": " + e.getMessage()
                        + (e.position() == null ? "" : " (at position " + e.position() + ")");
                if ("query".equals(e.field()) && request.query() != null) {
                    try {
                        rules.add(factory.buildWithUnusableQuery(request.id(), request));
                        problems.add(where + ": kept, but it will not match: " + problem);
                        continue;
                    } catch (InvalidRuleException other) {
                        problem += "; " + other.field() + ": " + other.getMessage();
                    }
                }
                problems.add(where + ": left out: " + problem);
            }
        }
        return new Loaded(rules, problems);
    }
}
