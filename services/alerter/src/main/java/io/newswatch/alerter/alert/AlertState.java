package io.newswatch.alerter.alert;

import java.util.Optional;
import java.util.Set;

/** What the planner needs to know about alerts raised before. */
public interface AlertState {

    /** True when an alert with this id has been raised. */
    boolean isRaised(String alertId);

    /** What the rule has raised on the story so far, if anything. */
    Optional<StoryAlerts> onStory(String ruleId, String storyId);

    /** Rules that have alerted on the story. */
    Set<String> rulesOnStory(String storyId);
}
