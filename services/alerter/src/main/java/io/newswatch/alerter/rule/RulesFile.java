package io.newswatch.alerter.rule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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
 * errors (a misspelt {@code chanels:} must not silently become the default). Any problem is reported with the
 * file, the rule and the field, for a start that fails with a message saying what to fix.
 */
public final class RulesFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private RulesFile() {
    }

    /** The file's content. */
    record Content(List<RuleRequest> rules) {
    }

    /** Reads and checks every rule of the file. */
    public static List<Rule> read(Path file, RuleFactory factory) {
        Content content;
        try {
            content = YAML.readValue(Files.readString(file), Content.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rules file " + file + " is not valid: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read rules file " + file + ": " + e.getMessage(), e);
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<RuleRequest> requests = content == null || content.rules() == null ? List.of() : content.rules();
        for (int i = 0; i < requests.size(); i++) {
            RuleRequest request = requests.get(i);
            String where = "rules file " + file + ", rule " + (i + 1)
                    + (request.id() == null ? "" : " (" + request.id() + ")");
            if (request.id() == null) {
                throw new IllegalStateException(where + ": every rule in a file needs an id");
            }
            if (!ids.add(request.id())) {
                throw new IllegalStateException(where + ": the id is used twice");
            }
            try {
                rules.add(factory.build(request.id(), request));
            } catch (InvalidRuleException e) {
                throw new IllegalStateException(where + ": " + e.field() + ": " + e.getMessage()
                        + (e.position() == null ? "" : " (at position " + e.position() + ")"), e);
            }
        }
        return rules;
    }
}
