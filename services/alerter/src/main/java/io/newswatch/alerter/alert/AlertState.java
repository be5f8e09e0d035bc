package io.newswatch.alerter.alert;

import java.util.Optional;
import java.util.Set;

/** What the planner needs to know about alerts raised before. */
public interface AlertState {

    /** True when an alert with this id has been raised. */
    boolean isRaised(String alertId);

    /** What the rule has raised on the story so far, if anything. */
    Optional<StoryAlerts> onStory(String ruleId, String storyId);

    /**
     * Of the given rules, those that have alerted on the story (the planner asks about the rules with an escalation:
     * a story that hundreds of rules alerted on is not walked for each article).
     */
    Set<String> rulesOnStory(String storyId, Set<String> among);
}
