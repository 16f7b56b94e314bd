package dev.pyrofn.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When a deployment protects the database SORs' writes ({@code AUTH_TOKENS}), every BOR that calls them must send
 * a token they accept ({@code UPSTREAM_TOKEN} from the same secret); otherwise every Triage and Diff v2 answer
 * carries a 401 {@code historyError} and the audit trail stays empty. Checked for compose, Ansible (rendered by the
 * real ansible-playbook), Terraform and Helm.
 */
class FunctionsTokenTest {
  private static final List<String> SOR_URLS = List.of("BASELINE_URL", "HISTORY_URL", "REGISTRY_URL");

  @TempDir
  Path work;

  @Test
  void composeGivesTheBorsTheTokenTheSorsAccept() {
    JsonNode services = StackFiles.yaml("docker-compose.yml").path("services");
    Map<String, Map<String, String>> env = new TreeMap<>();
    services.fieldNames().forEachRemaining(name -> {
      if (name.startsWith("fn-")) {
        env.put(name, fields(services.path(name).path("environment")));
      }
    });
    assertBorsCarryTheSorToken("docker-compose.yml", env);
  }

  @Test
  void ansibleRendersTheSameTokenIntoSorsAndBors() throws Exception {
    JsonNode play = StackFiles.yaml("ansible/deploy.yml").get(0);
    JsonNode functionsTask = null;
    for (JsonNode task : play.path("tasks")) {
      if (task.path("name").asText().startsWith("Functions")) {
        functionsTask = task;
      }
    }
    assertThat(functionsTask).as("the Functions task of deploy.yml").isNotNull();
    String envTemplate = functionsTask.path("community.docker.docker_container").path("env").asText();
    // The play's own env expression and secret table, rendered for every function of vars/stack.yml.
    String playbook = "- hosts: localhost\n  gather_facts: false\n  vars_files: ["
        + Repo.deploy("ansible/vars/stack.yml") + "]\n  vars:\n    postgres_password: pg-secret\n"
        + "    functions_token: the-token\n    pyrofn_secret_env: "
        + StackFiles.JSON.writeValueAsString(play.path("vars").path("pyrofn_secret_env")) + "\n  tasks:\n"
        + "    - ansible.builtin.debug:\n        msg: " + StackFiles.JSON.writeValueAsString(envTemplate) + "\n"
        + "      loop: \"{{ pyrofn_functions }}\"\n";
    Path file = work.resolve("render-env.yml");
    Files.write(file, playbook.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String ansible = Command.require("ansible-playbook", "ansible");
    Command.Result result = Command.run(Arrays.asList(ansible, file.toString()), Map.of(
        "ANSIBLE_STDOUT_CALLBACK", "json", "ANSIBLE_LOCAL_TEMP", work.resolve("tmp").toString(),
        "ANSIBLE_NOCOLOR", "1", "ANSIBLE_LOCALHOST_WARNING", "0", "ANSIBLE_INVENTORY_UNPARSED_WARNING", "0"), 120);
    assertThat(result.exitCode).as(result.toString()).isZero();

    JsonNode output = StackFiles.JSON.readTree(result.output.substring(result.output.indexOf('{')));
    Map<String, Map<String, String>> env = new TreeMap<>();
    for (JsonNode item : output.path("plays").get(0).path("tasks").get(0).path("hosts").path("localhost")
        .path("results")) {
      env.put(item.path("item").path("name").asText(), fields(item.path("msg")));
    }
    assertThat(env).hasSize(9);
    assertThat(env.get("fn-history")).containsEntry("AUTH_TOKENS", "the-token").containsEntry("DB_PASSWORD",
        "pg-secret");
    assertBorsCarryTheSorToken("ansible deploy.yml", env);
  }

  @Test
  void terraformFillsAuthTokensAndUpstreamTokenFromOneVariable() {
    Map<String, String> secretEnv = new TreeMap<>();
    Matcher block = Pattern.compile("(?s)secret_env\\s*=\\s*\\{(.*?)\\}")
        .matcher(StackFiles.text(Repo.deploy("terraform/main.tf")));
    assertThat(block.find()).as("local.secret_env in main.tf").isTrue();
    Matcher line = Pattern.compile("(?m)^\\s*([A-Z_]+)\\s*=\\s*(\\S+)\\s*$").matcher(block.group(1));
    while (line.find()) {
      secretEnv.put(line.group(1), line.group(2));
    }
    assertThat(StackFiles.text(Repo.deploy("terraform/main.tf")))
        .contains("[for name in each.value.secrets : \"${name}=${local.secret_env[name]}\"]");
    Map<String, Map<String, String>> env = new TreeMap<>();
    StackFiles.json(Repo.deploy("terraform/stack.tf.json")).path("locals").path("functions").fields()
        .forEachRemaining(function -> {
          Map<String, String> vars = fields(function.getValue().path("env"));
          for (JsonNode secret : function.getValue().path("secrets")) {
            assertThat(secretEnv).as("local.secret_env").containsKey(secret.asText());
            vars.put(secret.asText(), secretEnv.get(secret.asText()));
          }
          env.put(function.getKey(), vars);
        });
    assertBorsCarryTheSorToken("terraform", env);
  }

  @Test
  void helmGivesEveryBorTheSecretKeyTheDatabaseSorsAccept() {
    String deployment = StackFiles.text(Repo.deploy("helm/pyroscope-functions/templates/deployment.yaml"));
    Map<String, String> keyOf = new TreeMap<>();
    Map<String, String> guardOf = new TreeMap<>();
    Matcher entry = Pattern.compile("- name: (AUTH_TOKENS|UPSTREAM_TOKEN)\\s+valueFrom:\\s+secretKeyRef:\\s+"
        + "name: [^\\n]+\\s+key: (\\S+)").matcher(deployment);
    while (entry.find()) {
      keyOf.put(entry.group(1), entry.group(2));
      String before = deployment.substring(0, entry.start());
      guardOf.put(entry.group(1), before.substring(before.lastIndexOf("{{- if")).split("}}")[0]);
    }
    assertThat(keyOf).as("AUTH_TOKENS and UPSTREAM_TOKEN from the chart's Secret").containsOnlyKeys("AUTH_TOKENS",
        "UPSTREAM_TOKEN");
    assertThat(keyOf.get("UPSTREAM_TOKEN")).isEqualTo(keyOf.get("AUTH_TOKENS"));
    assertThat(guardOf.get("AUTH_TOKENS")).contains("$fn.database");
    assertThat(guardOf.get("UPSTREAM_TOKEN")).contains("eq $fn.layer \"bor\"");
    assertThat(StackFiles.text(Repo.deploy("helm/pyroscope-functions/templates/secret.yaml")))
        .contains(keyOf.get("AUTH_TOKENS") + ":");
    Map<String, Map<String, String>> env = new TreeMap<>();
    StackFiles.yaml("helm/pyroscope-functions/values.yaml").path("functions").fields().forEachRemaining(function -> {
      Map<String, String> vars = fields(function.getValue().path("env"));
      if (function.getValue().path("database").asBoolean()) {
        vars.put("AUTH_TOKENS", "secret:" + keyOf.get("AUTH_TOKENS"));
      }
      if ("bor".equals(function.getValue().path("layer").asText())) {
        vars.put("UPSTREAM_TOKEN", "secret:" + keyOf.get("UPSTREAM_TOKEN"));
      }
      env.put(function.getKey(), vars);
    });
    assertBorsCarryTheSorToken("helm", env);
  }

  @Test
  void theCheckFailsForADeploymentThatProtectsWritesButForgetsTheBors() {
    Map<String, Map<String, String>> env = new TreeMap<>();
    env.put("fn-history", Map.of("FUNCTION", "CreatePyroscopeTriageHistory.sor.v1", "AUTH_TOKENS", "${T}"));
    env.put("fn-triage", Map.of("FUNCTION", "ReadPyroscopeTriageAssessment.v2", "HISTORY_URL", "http://fn-history"));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertBorsCarryTheSorToken("broken", env))
        .isInstanceOf(AssertionError.class).hasMessageContaining("fn-triage");
  }

  /** Every function calling a database SOR sends UPSTREAM_TOKEN with the value the SORs accept as AUTH_TOKENS. */
  static void assertBorsCarryTheSorToken(String deployment, Map<String, Map<String, String>> envByFunction) {
    List<String> accepted = new ArrayList<>();
    envByFunction.forEach((name, env) -> {
      if (env.containsKey("AUTH_TOKENS")) {
        accepted.add(env.get("AUTH_TOKENS"));
      }
    });
    assertThat(accepted).as(deployment + ": the database SORs protect their writes").isNotEmpty();
    assertThat(new java.util.HashSet<>(accepted)).as(deployment + ": one secret for every SOR").hasSize(1);
    int bors = 0;
    for (Map.Entry<String, Map<String, String>> function : envByFunction.entrySet()) {
      Map<String, String> env = function.getValue();
      if (SOR_URLS.stream().anyMatch(env::containsKey)) {
        bors++;
        assertThat(env.get("UPSTREAM_TOKEN")).as(deployment + ": " + function.getKey()
            + " calls database SORs that need a token, so it must send UPSTREAM_TOKEN from the same secret")
            .isEqualTo(accepted.get(0));
      }
    }
    assertThat(bors).as(deployment + ": BORs calling database SORs").isGreaterThan(0);
  }

  private static Map<String, String> fields(JsonNode node) {
    Map<String, String> env = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    fields.forEachRemaining(field -> env.put(field.getKey(), field.getValue().asText()));
    return env;
  }
}
