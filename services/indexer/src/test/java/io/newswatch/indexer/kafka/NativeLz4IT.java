package io.newswatch.indexer.kafka;

import io.newswatch.stack.LocalStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service with no lz4 code of its own compresses Kafka's lz4 in native code: libs/kafka-tables' startup observer
 * loaded it. Without it, under Quarkus' class loader, lz4-java picks its pure-Java codec.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class NativeLz4IT {

    @Test
    void kafkasLz4RunsNativelyInTheService() {
        assertThat(LZ4Factory.fastestInstance()).isSameAs(LZ4Factory.nativeInstance());
    }
}
