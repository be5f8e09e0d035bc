package io.newswatch.tagging.entity;

import java.util.Set;

/**
 * The groups of languages (ISO 639 codes as the tagger is given them) whose names the entity rules treat alike: East
 * Slavic (Russian, Ukrainian, Belarusian: surnames in -ов/-енко, patronymics), South Slavic (Serbian, Croatian,
 * Bosnian, Montenegrin as {@code me} or {@code cnr}, Serbo-Croatian: surnames in -ić) and Slavic (both, with
 * Macedonian and Bulgarian: case endings). Every question is false for a null (unknown) language.
 */
final class LanguageGroups {

    private static final Set<String> EAST_SLAVIC = Set.of("ru", "uk", "be");
    private static final Set<String> SOUTH_SLAVIC = Set.of("sr", "hr", "bs", "me", "cnr", "sh");
    private static final Set<String> OTHER_SLAVIC = Set.of("mk", "bg");

    private LanguageGroups() {
    }

    /** Russian, Ukrainian or Belarusian. */
    static boolean eastSlavic(String language) {
        return language != null && EAST_SLAVIC.contains(language);
    }

    /** Serbian, Croatian, Bosnian, Montenegrin or Serbo-Croatian. */
    static boolean southSlavic(String language) {
        return language != null && SOUTH_SLAVIC.contains(language);
    }

    /** East or South Slavic, Macedonian or Bulgarian. */
    static boolean slavic(String language) {
        return eastSlavic(language) || southSlavic(language) || language != null && OTHER_SLAVIC.contains(language);
    }
}
