package io.newswatch.stack;

import io.newswatch.contract.elasticsearch.IndexNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against the real local stack: reuse, per-test names, and a port taken by something else. */
class LocalStackIT {

    @Test
    void aRunningStackIsReusedNotStartedTwice() {
        LocalStack stack = TestStack.shared();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        List<String> started = stack.up(new PrintStream(out));

        assertThat(started).isEmpty();
        // RUNNING when this checkout started it, REUSED when another did (a second worktree, say)
        assertThat(stack.status().values())
                .allMatch(state -> state == LocalStack.ServerState.RUNNING || state == LocalStack.ServerState.REUSED);
    }

    @Test
    void eachTestGetsItsOwnTopicsAndIndicesAndReleasesThem() throws Exception {
        TestStack test = TestStack.reserve();
        try {
            StackSetup setup = test.stack().setup();
            assertThat(test.topics().articlesRaw()).startsWith("it-").endsWith(".articles.raw");
            assertThat(setup.send("HEAD", "/_alias/" + test.indices().articles(), null).status()).isEqualTo(200);
            assertThat(setup.send("GET", "/_index_template/" + test.indices().articles(), null).body())
                    .contains(test.indices().articles() + "-*");
        } finally {
            test.release();
        }
        assertThat(test.stack().setup().send("HEAD", "/_alias/" + test.indices().articles(), null).status())
                .isEqualTo(404);
    }

    @Test
    void aPortHeldBySomethingElseIsAClearError(@TempDir Path stackDir) throws Exception {
        try (ServerSocket squatter = new ServerSocket(0)) {
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put("NEWSWATCH_ELASTICSEARCH_PORT", String.valueOf(squatter.getLocalPort()));
            // a second stack of this checkout, with a folder of its own, whose Elasticsearch port is taken
            LocalStack stack = new LocalStack(new StackHome(StackHome.locate().project(), stackDir),
                    StackSettings.from(env));

            assertThat(stack.status().get("elasticsearch")).isEqualTo(LocalStack.ServerState.PORT_TAKEN);
            assertThatThrownBy(() -> stack.up(new PrintStream(new ByteArrayOutputStream())))
                    .isInstanceOf(StackException.class)
                    .hasMessageContaining("port [" + squatter.getLocalPort() + "] is in use by something that does "
                            + "not answer as elasticsearch")
                    .hasMessageContaining("NEWSWATCH_");
            // and nothing of that stack was started (a Kafka in a deleted temporary folder would break the others)
            assertThat(stack.home().pidFile("kafka")).doesNotExist();
        }
    }

    @Test
    void defaultAliasesExistAfterUp() throws Exception {
        LocalStack stack = TestStack.shared();
        assertThat(stack.setup().send("HEAD", "/_alias/" + IndexNames.DEFAULT.articles(), null).status())
                .isEqualTo(200);
    }
}
