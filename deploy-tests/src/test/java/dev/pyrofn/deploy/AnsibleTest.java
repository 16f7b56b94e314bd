package dev.pyrofn.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ansible-playbook --syntax-check with Debian's ansible, which bundles the community.docker collection: an unknown
 * module name fails the check, so the collection's modules really resolve.
 */
class AnsibleTest {
  @ParameterizedTest
  @ValueSource(strings = {"deploy.yml", "generate-load.yml", "teardown.yml"})
  void playbookPassesTheSyntaxCheck(String playbook) {
    Command.Result result = syntaxCheck(playbook);

    assertThat(result.exitCode).as(result.toString()).isZero();
    assertThat(result.output).contains("playbook: " + Repo.deploy("ansible/" + playbook));
  }

  @Test
  void aMisspelledDockerModuleFailsTheCheck() throws Exception {
    java.nio.file.Path broken = java.nio.file.Files.createTempFile("broken-playbook", ".yml");
    java.nio.file.Files.write(broken, Arrays.asList("- hosts: all", "  tasks:",
        "    - community.docker.docker_contaner:", "        name: x"));
    try {
      Command.Result result = syntaxCheck(broken.toString());
      assertThat(result.exitCode).as(result.toString()).isNotZero();
      assertThat(result.output).contains("docker_contaner");
    } finally {
      java.nio.file.Files.delete(broken);
    }
  }

  @Test
  void theLoadPlaybookPassesEachOptionAsItsOwnArgument() {
    JsonNode task = StackFiles.yaml("ansible/generate-load.yml").get(0).path("tasks").get(1);
    List<String> argv = new ArrayList<>();
    task.path("ansible.builtin.command").path("argv").forEach(item -> argv.add(item.asText()));

    assertThat(argv).containsExactly("{{ pyrofn_repo_root }}/deploy/scripts/generate-load.sh",
        "--duration", "{{ load_run_for }}", "--rate", "{{ load_rate | string }}", "--targets", "{{ load_targets }}");
  }

  private static Command.Result syntaxCheck(String playbook) {
    String ansible = Command.require("ansible-playbook", "ansible");
    return Command.run(Arrays.asList(ansible, "-i", Repo.deploy("ansible/inventory.yml").toString(),
        "--syntax-check", Repo.deploy("ansible").resolve(playbook).toString()),
        java.util.Map.of("ANSIBLE_LOCAL_TEMP", System.getProperty("java.io.tmpdir") + "/ansible-local",
            "ANSIBLE_NOCOLOR", "1"), 120);
  }
}
