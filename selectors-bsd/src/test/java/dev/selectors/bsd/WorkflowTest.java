package dev.selectors.bsd;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The real-kernel workflow cannot run here, so this checks what can be: it parses, and it has a
 * job for every system we claim, each running the module of its backend on that system.
 */
class WorkflowTest {

    /** Job name to the module its system's backend lives in. */
    private static final Map<String, String> SYSTEMS = Map.of(
            "macos", "selectors-bsd", "freebsd", "selectors-bsd", "netbsd", "selectors-bsd",
            "openbsd", "selectors-bsd", "dragonfly", "selectors-bsd",
            "omnios", "selectors-solaris", "solaris", "selectors-solaris");

    @Test
    void everyClaimedSystemHasAJobThatRunsItsBackend() throws IOException {
        Path workflow = Path.of(System.getProperty("user.dir")).getParent().resolve(".github/workflows/bsd-kernels.yml");
        JsonNode jobs = new ObjectMapper(new YAMLFactory()).readTree(workflow.toFile()).get("jobs");
        assertNotNull(jobs, workflow + " has no jobs");
        for (Map.Entry<String, String> system : SYSTEMS.entrySet()) {
            JsonNode job = jobs.get(system.getKey());
            assertNotNull(job, "no job for " + system.getKey());
            boolean runs = false;
            for (JsonNode step : job.get("steps")) {
                String run = step.path("run").asText("") + " " + step.path("with").path("run").asText("");
                runs |= run.contains("-pl " + system.getValue() + " -am verify");
                if (step.has("uses") && step.get("uses").asText().startsWith("vmactions/")) {
                    assertTrue(step.path("with").has("release"), system.getKey() + ": the VM's release is pinned");
                }
            }
            assertTrue(runs, system.getKey() + " runs mvn -pl " + system.getValue() + " -am verify");
        }
    }
}
