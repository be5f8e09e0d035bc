package io.newswatch.e2e;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Testcontainers path of {@link PipelineIT}: the same scenario, the same packaged services, against Kafka and
 * Elasticsearch from their official images ({@link ContainerInfrastructure}). Skipped with the reason where no
 * Docker engine answers ({@link RequiresDocker}); {@code ./mvnw -pl end-to-end verify -Ptestcontainers} runs it
 * alone.
 */
@ExtendWith(RequiresDocker.class)
class ContainerPipelineIT extends PipelineIT {

    @Override
    Infrastructure infrastructure() {
        return ContainerInfrastructure.start();
    }
}
