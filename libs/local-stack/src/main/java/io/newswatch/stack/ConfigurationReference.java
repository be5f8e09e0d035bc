package io.newswatch.stack;

import io.smallrye.config.ConfigMappings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps a service's settings table (in its README) true to its typed configuration: every property of its
 * {@code @ConfigMapping} is documented with the environment variable that sets it, and no documented property of
 * that prefix is one the service no longer has. Used by each service's {@code ConfigurationReferenceTest}.
 *
 * <p>A table row reads {@code | `property` | `ENV_VAR` | default | meaning |}. The variable is the property's
 * standard form (upper case, other characters as {@code _}) unless {@code application.properties} binds the
 * property to another one ({@code newswatch.poller.feeds-file=${NEWSWATCH_FEEDS_FILE:}}).
 */
public final class ConfigurationReference {

    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([A-Za-z0-9<>.\\-\\[\\]*\"]+)`\\s*\\|\\s*`([A-Z0-9_]+)`");
    private static final Pattern BOUND = Pattern.compile("^([a-z0-9.\\-]+)\\s*=\\s*\\$\\{([A-Z][A-Z0-9_]*)[:}]",
            Pattern.MULTILINE);

    private final Map<String, String> documented;
    private final Map<String, String> bound;

    private ConfigurationReference(Map<String, String> documented, Map<String, String> bound) {
        this.documented = documented;
        this.bound = bound;
    }

    /** The table of a README, with the variable bindings of an application.properties. */
    public static ConfigurationReference of(Path readme, Path applicationProperties) {
        try {
            Map<String, String> documented = new LinkedHashMap<>();
            for (String line : Files.readAllLines(readme)) {
                Matcher row = ROW.matcher(line);
                if (row.find()) {
                    documented.put(row.group(1), row.group(2));
                }
            }
            Map<String, String> bound = new LinkedHashMap<>();
            Matcher binding = BOUND.matcher(Files.readString(applicationProperties));
            while (binding.find()) {
                bound.put(binding.group(1), binding.group(2));
            }
            return new ConfigurationReference(documented, bound);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The environment variable Quarkus reads for a property: upper case, every other character an underscore. */
    public static String environmentVariable(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** The properties of a {@code @ConfigMapping} interface, as written in configuration ({@code a.b[*]} → {@code a.b}). */
    public static Set<String> properties(Class<?> mapping) {
        Set<String> names = new TreeSet<>();
        for (String name : ConfigMappings.getProperties(ConfigMappings.ConfigClass.configClass(mapping)).keySet()) {
            names.add(name.replace("[*]", ""));
        }
        return names;
    }

    /**
     * The problems, one line each: undocumented properties, wrong variables, documented properties that do not
     * exist. Empty when the table is true.
     */
    public List<String> problems(Class<?> mapping) {
        Set<String> properties = properties(mapping);
        String prefix = ConfigMappings.ConfigClass.configClass(mapping).getPrefix() + ".";
        List<String> problems = new ArrayList<>();
        for (String property : properties) {
            // a map's key is documented as a placeholder: newswatch.alerter.delivery.webhooks.NAME
            String row = documented.keySet().stream().filter(key -> pattern(property).matcher(key).matches())
                    .findFirst().orElse(property);
            String expected = bound.getOrDefault(row, environmentVariable(row));
            String variable = documented.get(row);
            if (variable == null) {
                problems.add("not documented: `" + property + "` (`" + expected + "`)");
            } else if (!variable.equals(expected)) {
                problems.add("`" + row + "` is set by `" + expected + "`, the table says `" + variable + "`");
            }
        }
        for (String key : documented.keySet()) {
            if (key.startsWith(prefix) && properties.stream().noneMatch(property -> pattern(property).matcher(key).matches())) {
                problems.add("documented but not a setting: `" + key + "`");
            }
        }
        return problems;
    }

    /** A property name as a pattern: a map's {@code *} stands for one key. */
    private static Pattern pattern(String property) {
        return Pattern.compile(Pattern.quote(property).replace("*", "\\E[A-Za-z0-9<>_-]+\\Q"));
    }
}
