package io.newswatch.e2e;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Runs a test class only where a Docker engine answers, as Testcontainers itself finds one
 * ({@link DockerClientFactory#isDockerAvailable()}: DOCKER_HOST, the socket, the user's Testcontainers settings).
 * Where none does, the class is skipped with the reason, before any container is created.
 */
final class RequiresDocker implements ExecutionCondition {

    private static volatile Boolean available;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (dockerAvailable()) {
            return ConditionEvaluationResult.enabled("a Docker engine answers");
        }
        return ConditionEvaluationResult.disabled("No Docker engine answers here, so the Testcontainers path "
                + "(official apache/kafka and elasticsearch images) is skipped; the same scenario runs on the local "
                + "stack in PipelineIT.");
    }

    private static boolean dockerAvailable() {
        if (available == null) {
            available = DockerClientFactory.instance().isDockerAvailable();
        }
        return available;
    }
}
