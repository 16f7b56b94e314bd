package dev.pyrofn.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One stack, five descriptions: names, ports, images and environment agree across docker-compose.yml, Prometheus,
 * Ansible, Terraform and Helm (and the lists inside validate.sh). docker-compose.yml is the reference.
 */
class StackConsistencyTest {
  private static final Set<String> SECRETS = Set.of("DB_PASSWORD", "AUTH_TOKENS", "UPSTREAM_TOKEN");
  private static final JsonNode COMPOSE = StackFiles.yaml("docker-compose.yml").path("services");

  /** Compose service name to its one published port (host port = container port). */
  private static Map<String, Integer> composePorts(String prefix) {
    Map<String, Integer> ports = new TreeMap<>();
    COMPOSE.fieldNames().forEachRemaining(name -> {
      if (name.startsWith(prefix)) {
        String mapping = COMPOSE.path(name).path("ports").get(0).asText();
        String[] parts = mapping.split(":");
        assertThat(parts[0]).as(name + " host port = container port").isEqualTo(parts[1]);
        ports.put(name, Integer.parseInt(parts[1]));
      }
    });
    return ports;
  }

  private static Map<String, String> composeEnv(String service) {
    Map<String, String> env = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = COMPOSE.path(service).path("environment").fields();
    fields.forEachRemaining(field -> {
      if (!SECRETS.contains(field.getKey())) {
        env.put(field.getKey(), field.getValue().asText());
      }
    });
    return env;
  }

  private static Map<String, String> env(JsonNode node) {
    Map<String, String> env = new TreeMap<>();
    node.fields().forEachRemaining(field -> env.put(field.getKey(), field.getValue().asText()));
    return env;
  }

  @Test
  void composeRunsTheWholeStackOnOneNetworkWithPinnedImagesAndHealthChecks() {
    List<String> names = new ArrayList<>();
    COMPOSE.fieldNames().forEachRemaining(names::add);
    assertThat(names).contains("pyroscope", "prometheus", "grafana", "postgres");
    Map<String, Integer> bank = new TreeMap<>();
    dev.pyrofn.bank.BankServices.all().forEach((service, spec) ->
        bank.put(LocalEstate.applicationName(service), spec.defaultPort()));
    assertThat(composePorts("bank-")).as("the bank-demo module's own names and ports").isEqualTo(bank);
    assertThat(composePorts("fn-")).hasSize(9);
    for (String name : names) {
      JsonNode service = COMPOSE.path(name);
      String image = service.path("image").asText();
      assertThat(image).as(name).matches("[a-z0-9./-]+:[0-9][\\w.-]*|[a-z0-9./-]+:v[0-9][\\w.-]*");
      assertThat(service.path("networks").toString()).as(name).isEqualTo("[\"pyrofn\"]");
      assertThat(service.path("container_name").asText()).isEqualTo(name);
      if (!"pyroscope".equals(name)) { // distroless image: checked from outside (see the comment in compose)
        assertThat(service.path("healthcheck").path("test").isMissingNode()).as(name + " health check").isFalse();
      }
    }
    assertThat(StackFiles.yaml("docker-compose.yml").path("volumes").size()).isEqualTo(4);
  }

  @Test
  void credentialsComeFromTheEnvironmentNotFromFilesOrImages() {
    assertThat(COMPOSE.path("grafana").path("environment").path("GF_SECURITY_ADMIN_PASSWORD").asText())
        .startsWith("${GRAFANA_ADMIN_PASSWORD");
    assertThat(COMPOSE.path("postgres").path("environment").path("POSTGRES_PASSWORD").asText())
        .startsWith("${POSTGRES_PASSWORD");
    for (String dockerfile : new String[] {"docker/bank-demo.Dockerfile", "docker/function.Dockerfile"}) {
      String text = StackFiles.text(Repo.deploy(dockerfile));
      assertThat(text).as(dockerfile + " is multi-stage").containsPattern("(?s)FROM .* AS build.*\nFROM ");
      assertThat(text).as(dockerfile + " runs as non-root").containsPattern("\nUSER 10001");
      assertThat(text).as(dockerfile).doesNotContainPattern("(?i)ENV [^\n]*(PASSWORD|TOKEN|SECRET)");
    }
  }

  @Test
  void prometheusScrapesEveryComposeServiceAndFunctionOnItsPort() {
    Map<String, Integer> bank = new TreeMap<>();
    Map<String, Integer> functions = new TreeMap<>();
    Map<String, String> functionLabels = new TreeMap<>();
    for (JsonNode job : StackFiles.yaml("config/prometheus/prometheus.yml").path("scrape_configs")) {
      for (JsonNode group : job.path("static_configs")) {
        for (JsonNode target : group.path("targets")) {
          String[] hostPort = target.asText().split(":");
          String jobName = job.path("job_name").asText();
          if ("bank-services".equals(jobName)) {
            bank.put(hostPort[0], Integer.parseInt(hostPort[1]));
          } else if ("functions".equals(jobName)) {
            functions.put(hostPort[0], Integer.parseInt(hostPort[1]));
            functionLabels.put(hostPort[0], group.path("labels").path("function").asText());
          }
        }
      }
    }
    assertThat(bank).isEqualTo(composePorts("bank-"));
    assertThat(functions).isEqualTo(composePorts("fn-"));
    functionLabels.forEach((name, function) ->
        assertThat(composeEnv(name)).containsEntry("FUNCTION", function));
  }

  @Test
  void ansibleDeploysTheSameContainersImagesPortsAndEnvironment() {
    JsonNode vars = StackFiles.yaml("ansible/vars/stack.yml");
    for (JsonNode service : vars.path("pyrofn_bank_services")) {
      String name = service.path("name").asText();
      assertThat(service.path("port").asInt()).isEqualTo(composePorts("bank-").get(name));
      assertThat(env(service.path("env"))).as(name).isEqualTo(composeEnv(name));
      assertThat(vars.path("pyrofn_images").path("bank").asText()).isEqualTo(COMPOSE.path(name).path("image").asText());
    }
    for (JsonNode function : vars.path("pyrofn_functions")) {
      String name = function.path("name").asText();
      assertThat(function.path("port").asInt()).isEqualTo(composePorts("fn-").get(name));
      assertThat(env(function.path("env"))).as(name).isEqualTo(composeEnv(name));
      assertThat(vars.path("pyrofn_images").path(function.path("image").asText()).asText())
          .isEqualTo(COMPOSE.path(name).path("image").asText());
    }
    assertThat(vars.path("pyrofn_bank_services").size()).isEqualTo(7);
    assertThat(vars.path("pyrofn_functions").size()).isEqualTo(9);
    for (String infra : new String[] {"pyroscope", "prometheus", "grafana", "postgres"}) {
      assertThat(vars.path("pyrofn_images").path(infra).asText()).isEqualTo(COMPOSE.path(infra).path("image").asText());
    }
  }

  @Test
  void terraformDeploysTheSameContainersImagesPortsAndEnvironment() {
    JsonNode locals = StackFiles.json(Repo.deploy("terraform/stack.tf.json")).path("locals");
    Map<String, Integer> bankPorts = new TreeMap<>();
    locals.path("bank_services").fields().forEachRemaining(entry -> {
      bankPorts.put(entry.getKey(), entry.getValue().path("port").asInt());
      assertThat(env(entry.getValue().path("env"))).as(entry.getKey()).isEqualTo(composeEnv(entry.getKey()));
    });
    Map<String, Integer> functionPorts = new TreeMap<>();
    locals.path("functions").fields().forEachRemaining(entry -> {
      functionPorts.put(entry.getKey(), entry.getValue().path("port").asInt());
      assertThat(env(entry.getValue().path("env"))).as(entry.getKey()).isEqualTo(composeEnv(entry.getKey()));
      assertThat(locals.path("images").path(entry.getValue().path("image").asText()).asText())
          .isEqualTo(COMPOSE.path(entry.getKey()).path("image").asText());
    });
    assertThat(bankPorts).isEqualTo(composePorts("bank-"));
    assertThat(functionPorts).isEqualTo(composePorts("fn-"));
    for (String infra : new String[] {"pyroscope", "prometheus", "grafana", "postgres"}) {
      assertThat(locals.path("images").path(infra).asText()).isEqualTo(COMPOSE.path(infra).path("image").asText());
    }
  }

  @Test
  void terraformVariablesMatchTheExampleTfvars() {
    Set<String> declared = names(StackFiles.text(Repo.deploy("terraform/variables.tf")),
        "(?m)^variable \"([a-z_]+)\"");
    Set<String> example = names(StackFiles.text(Repo.deploy("terraform/terraform.tfvars.example")),
        "(?m)^([a-z_]+)\\s*=");
    assertThat(example).isEqualTo(declared);
    Set<String> used = names(StackFiles.text(Repo.deploy("terraform/main.tf"))
        + StackFiles.text(Repo.deploy("terraform/versions.tf")), "var\\.([a-z_]+)");
    assertThat(declared).isEqualTo(used);
  }

  @Test
  void terraformFilesAreFormattedWhenTerraformIsInstalled() {
    String terraform = Command.find("terraform");
    if (terraform == null) {
      return; // terraform is not a Debian package; this one check runs only where it is installed
    }
    Command.Result result = Command.run(terraform, "fmt", "-check", "-recursive",
        Repo.deploy("terraform").toString());
    assertThat(result.exitCode).as(result.toString()).isZero();
  }

  @Test
  void helmRunsTheSameFunctionsOnTheSamePortsWithTheSameImagesAndUpstreams() {
    JsonNode values = StackFiles.yaml("helm/pyroscope-functions/values.yaml");
    Map<String, Integer> ports = new TreeMap<>();
    values.path("functions").fields().forEachRemaining(entry -> {
      String name = entry.getKey();
      JsonNode function = entry.getValue();
      ports.put(name, function.path("port").asInt());
      Map<String, String> compose = composeEnv(name);
      assertThat(function.path("function").asText()).isEqualTo(compose.get("FUNCTION"));
      JsonNode image = values.path("images").path(function.path("layer").asText());
      assertThat(image.path("repository").asText() + ":" + image.path("tag").asText())
          .isEqualTo(COMPOSE.path(name).path("image").asText());
      env(function.path("env")).forEach((key, value) -> assertThat(compose).containsEntry(key, value));
      for (String upstream : new String[] {"PROFILE_DATA_URL", "BASELINE_URL", "HISTORY_URL", "REGISTRY_URL"}) {
        assertThat(function.path("env").path(upstream).asText(null)).as(name + " " + upstream)
            .isEqualTo(compose.get(upstream));
      }
      assertThat(function.path("database").asBoolean()).isEqualTo(compose.containsKey("DB_HOST"));
      assertThat(function.path("pyroscope").asBoolean()).isEqualTo(compose.containsKey("PYROSCOPE_URL"));
    });
    assertThat(ports).isEqualTo(composePorts("fn-"));
  }

  @Test
  void validateShChecksTheSameFunctionsDashboardsAndAlerts() {
    String script = StackFiles.text(Repo.deploy("scripts/validate.sh"));
    List<String> functions = array(script, "functions");
    List<String> ports = array(script, "function_ports");
    Map<String, Integer> checked = new TreeMap<>();
    for (int i = 0; i < functions.size(); i++) {
      checked.put(functions.get(i), Integer.parseInt(ports.get(i)));
    }
    assertThat(checked).isEqualTo(composePorts("fn-"));
    List<String> alerts = new ArrayList<>(StackFiles.alertExpressions().keySet());
    alerts.addAll(StackFiles.profilingAlertExpressions().keySet());
    assertThat(array(script, "alerts")).containsExactlyInAnyOrderElementsOf(alerts);
    List<String> uids = new ArrayList<>();
    StackFiles.dashboards().forEach(file -> uids.add(StackFiles.json(file).path("uid").asText()));
    assertThat(array(script, "dashboards")).containsExactlyInAnyOrderElementsOf(uids);
    Map<String, Integer> bank = new LinkedHashMap<>();
    List<String> services = array(script, "bank_services");
    List<String> bankPorts = array(script, "bank_ports");
    for (int i = 0; i < services.size(); i++) {
      bank.put(LocalEstate.applicationName(services.get(i)), Integer.parseInt(bankPorts.get(i)));
    }
    assertThat(new TreeMap<>(bank)).isEqualTo(composePorts("bank-"));
  }

  @Test
  void helmTemplatesHaveBalancedActions() {
    for (String template : new String[] {"deployment.yaml", "service.yaml", "configmap.yaml", "secret.yaml",
        "hpa.yaml", "podmonitor.yaml", "_helpers.tpl"}) {
      String text = StackFiles.text(Repo.deploy("helm/pyroscope-functions/templates/" + template));
      int opened = count(text, "\\{\\{-?\\s*(if|range|define|with)\\b");
      int ended = count(text, "\\{\\{-?\\s*end\\s*-?\\}\\}");
      assertThat(ended).as(template + ": every if/range/define/with has its end").isEqualTo(opened);
      assertThat(count(text, "\\{\\{")).as(template).isEqualTo(count(text, "\\}\\}"));
    }
    String deployment = StackFiles.text(Repo.deploy("helm/pyroscope-functions/templates/deployment.yaml"));
    assertThat(deployment).contains("path: /health", "path: /ready", "resources:", "runAsNonRoot: true");
    assertThat(StackFiles.text(Repo.deploy("helm/pyroscope-functions/templates/hpa.yaml")))
        .contains("HorizontalPodAutoscaler", "eq $fn.layer \"bor\"");
  }

  @Test
  void functionImagesAndHelmShipTheSameLowPauseGcSetting() {
    Matcher image = Pattern.compile("ENV JAVA_OPTS=\"([^\"]*)\"")
        .matcher(StackFiles.text(Repo.deploy("docker/function.Dockerfile")));
    assertThat(image.find()).isTrue();
    String helm = StackFiles.yaml("helm/pyroscope-functions/values.yaml").path("javaOpts").asText();

    assertThat(helm).as("Helm javaOpts = the image's JAVA_OPTS").isEqualTo(image.group(1));
    assertThat(helm).contains("-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20", "-XX:InitialRAMPercentage=75",
        "-XX:MaxRAMPercentage=75");
  }

  @Test
  void everyJavaContainerHasAMemoryLimitTheSameInEveryMethodAndTheHeapFollowsIt() {
    Map<String, Integer> compose = new TreeMap<>();
    COMPOSE.fieldNames().forEachRemaining(name -> {
      String limit = COMPOSE.path(name).path("mem_limit").asText("");
      assertThat(limit).as(name + " mem_limit").matches("[0-9]+[mg]");
      compose.put(name, megabytes(limit));
    });
    for (String dockerfile : new String[] {"docker/bank-demo.Dockerfile", "docker/function.Dockerfile"}) {
      String text = StackFiles.text(Repo.deploy(dockerfile));
      Matcher percent = Pattern.compile("ENV JAVA_OPTS=\"[^\"]*-XX:MaxRAMPercentage=([0-9]+)").matcher(text);
      assertThat(percent.find()).as(dockerfile + ": the heap is sized to the container limit").isTrue();
      assertThat(Integer.parseInt(percent.group(1))).as(dockerfile + " heap share").isBetween(50, 80);
      assertThat(text).as(dockerfile + ": no fixed heap that ignores the limit").doesNotContain("-Xmx");
    }

    JsonNode vars = StackFiles.yaml("ansible/vars/stack.yml");
    Map<String, Integer> ansible = new TreeMap<>();
    vars.path("pyrofn_infra_memory").fields().forEachRemaining(e -> ansible.put(e.getKey(), megabytes(e.getValue().asText())));
    for (String table : new String[] {"pyrofn_bank_services", "pyrofn_functions"}) {
      vars.path(table).forEach(c -> ansible.put(c.path("name").asText(), megabytes(c.path("memory").asText())));
    }
    assertThat(ansible).as("ansible memory limits").isEqualTo(compose);
    String deployYml = StackFiles.text(Repo.deploy("ansible/deploy.yml"));
    assertThat(count(deployYml, "\\n\\s+memory: \"\\{\\{ ")).as("every docker_container task of deploy.yml sets memory")
        .isEqualTo(count(deployYml, "community.docker.docker_container:"));

    JsonNode locals = StackFiles.json(Repo.deploy("terraform/stack.tf.json")).path("locals");
    Map<String, Integer> terraform = new TreeMap<>();
    locals.path("infra_memory").fields().forEachRemaining(e -> terraform.put(e.getKey(), e.getValue().asInt()));
    for (String table : new String[] {"bank_services", "functions"}) {
      locals.path(table).fields().forEachRemaining(e -> terraform.put(e.getKey(), e.getValue().path("memory").asInt()));
    }
    assertThat(terraform).as("terraform memory limits (MB)").isEqualTo(compose);
    String mainTf = StackFiles.text(Repo.deploy("terraform/main.tf"));
    assertThat(count(mainTf, "\\n\\s+memory\\s+=")).as("every docker_container of main.tf sets memory")
        .isEqualTo(count(mainTf, "resource \"docker_container\""));

    int total = compose.values().stream().mapToInt(Integer::intValue).sum();
    // 7.25 GiB: the alert evaluator (256 MiB) and Alertmanager (64 MiB) took the stack from 6976 to 7296 MiB,
    // leaving about 0.9 GiB of the seeds' 8 GB host for the OS and Docker
    assertThat(total).as("the seeds' minimum host has 8 GB; leave room for the OS and Docker")
        .isLessThan(7 * 1024 + 256);
    assertThat(StackFiles.text(Repo.file("docs/runbook.md"))).as("the runbook states the total")
        .contains(total + " MiB");
  }

  /** Settings read by both layers must match, or a BOR accepts what Profile Data refuses (an answer of 502). */
  @Test
  void settingsReadOnBothSidesOfTheBorSorBoundaryAgree() {
    for (String setting : new String[] {"MAX_WINDOW_HOURS"}) {
      Set<String> values = new TreeSet<>();
      COMPOSE.fieldNames().forEachRemaining(name -> {
        if (name.startsWith("fn-") && (name.equals("fn-profile-data")
            || COMPOSE.path(name).path("environment").has("PROFILE_DATA_URL"))) {
          values.add(COMPOSE.path(name).path("environment").path(setting).asText("default"));
        }
      });
      assertThat(values).as(setting + " on the BORs and Profile Data").hasSize(1);
    }
  }

  @Test
  void composeAnsibleAndTerraformUseTheSameVolumeNames() {
    JsonNode volumes = StackFiles.yaml("docker-compose.yml").path("volumes");
    List<String> compose = new ArrayList<>();
    volumes.fields().forEachRemaining(volume -> {
      // Without an explicit name compose prefixes the project (pyrofn_postgres-data): another volume, other data.
      assertThat(volume.getValue().path("name").asText()).as("compose volume " + volume.getKey() + " name")
          .isEqualTo(volume.getKey());
      compose.add(volume.getKey());
    });
    List<String> ansible = new ArrayList<>();
    StackFiles.yaml("ansible/vars/stack.yml").path("pyrofn_volumes").forEach(v -> ansible.add(v.asText()));
    List<String> terraform = new ArrayList<>();
    StackFiles.json(Repo.deploy("terraform/stack.tf.json")).path("locals").path("volumes")
        .forEach(v -> terraform.add(v.asText()));
    assertThat(ansible).containsExactlyInAnyOrderElementsOf(compose);
    assertThat(terraform).containsExactlyInAnyOrderElementsOf(compose);
    String deployYml = StackFiles.text(Repo.deploy("ansible/deploy.yml"));
    String mainTf = StackFiles.text(Repo.deploy("terraform/main.tf"));
    for (String volume : compose) {
      assertThat(deployYml).as("ansible mounts " + volume).contains("\"" + volume + ":/");
      assertThat(mainTf).as("terraform mounts " + volume).contains("docker_volume.data[\"" + volume + "\"]");
    }
  }

  @Test
  void grafanaCredentialsAreTheSameInTfvarsComposeAnsibleValidateAndTheRunbook() {
    String tfvars = StackFiles.text(Repo.deploy("terraform/terraform.tfvars.example"));
    String user = value(tfvars, "(?m)^grafana_admin_user\\s*=\\s*\"([^\"]*)\"");
    String password = value(tfvars, "(?m)^grafana_admin_password\\s*=\\s*\"([^\"]*)\"");
    String validate = StackFiles.text(Repo.deploy("scripts/validate.sh"));
    assertThat(validate).contains("${GRAFANA_ADMIN_USER:-" + user + "}", "${GRAFANA_ADMIN_PASSWORD:-" + password + "}");
    assertThat(COMPOSE.path("grafana").path("environment").path("GF_SECURITY_ADMIN_USER").asText())
        .isEqualTo("${GRAFANA_ADMIN_USER:-" + user + "}");
    assertThat(COMPOSE.path("grafana").path("environment").path("GF_SECURITY_ADMIN_PASSWORD").asText())
        .isEqualTo("${GRAFANA_ADMIN_PASSWORD:-" + password + "}");
    JsonNode inventory = StackFiles.yaml("ansible/inventory.yml").path("all").path("vars");
    assertThat(inventory.path("grafana_admin_user").asText()).isEqualTo(user);
    assertThat(inventory.path("grafana_admin_password").asText()).isEqualTo(password);
    assertThat(StackFiles.text(Repo.file("docs/runbook.md"))).contains("(" + user + "/" + password + " by default)");
  }

  @Test
  void theRunbookCountsTheContainersAndListsEveryPublishedPort() {
    String runbook = StackFiles.text(Repo.file("docs/runbook.md"));
    int containers = COMPOSE.size();
    assertThat(runbook).contains("all " + containers + " running", "the stack: " + containers + " containers");
    java.util.Set<Integer> published = new TreeSet<>();
    COMPOSE.fieldNames().forEachRemaining(name -> COMPOSE.path(name).path("ports")
        .forEach(port -> published.add(Integer.parseInt(port.asText().split(":")[0]))));
    Matcher line = Pattern.compile("Ports free on the host: ([0-9, -]+)").matcher(runbook);
    assertThat(line.find()).as("the runbook's port prerequisite").isTrue();
    java.util.Set<Integer> listed = new TreeSet<>();
    for (String item : line.group(1).split(",\\s*")) {
      String[] range = item.trim().split("-");
      for (int port = Integer.parseInt(range[0]); port <= Integer.parseInt(range[range.length - 1]); port++) {
        listed.add(port);
      }
    }
    assertThat(listed).isEqualTo(published);
  }

  /** Commands the runbook runs inside a container must exist in that container's image. */
  @Test
  void theRunbooksInContainerCommandsExistInTheShippedImages() {
    String runbook = StackFiles.text(Repo.file("docs/runbook.md"));
    Matcher exec = Pattern.compile("docker (?:compose (?:-f \\S+ )?)?exec (?:-\\w+ )*([a-z0-9-]+) ([a-z_]+)").matcher(runbook);
    int commands = 0;
    while (exec.find()) {
      commands++;
      String container = exec.group(1);
      String tool = exec.group(2);
      String image = COMPOSE.path(container).path("image").asText();
      assertThat(image).as("runbook runs " + tool + " in unknown container " + container).isNotEmpty();
      assertThat(toolsOf(image)).as(container + " (" + image + ") has " + tool).contains(tool);
    }
    assertThat(commands).as("the runbook's heap dump and backup run in containers").isGreaterThanOrEqualTo(2);
    assertThat(runbook).contains("jcmd 1 GC.heap_dump");
  }

  private static Set<String> toolsOf(String image) {
    if (image.startsWith("postgres:")) {
      return Set.of("pg_dump", "psql", "pg_isready", "sh");
    }
    String dockerfile = image.startsWith("pyrofn/bank-demo") ? "docker/bank-demo.Dockerfile"
        : image.startsWith("pyrofn/") ? "docker/function.Dockerfile" : null;
    if (dockerfile == null) {
      return Set.of();
    }
    String text = StackFiles.text(Repo.deploy(dockerfile));
    Set<String> tools = new TreeSet<>(List.of("sh", "env", "java"));
    if (text.contains("install -y --no-install-recommends curl")) {
      tools.add("curl");
    }
    String runtime = value(text, "(?m)^FROM (\\S+)\\s*$");
    String base = runtime.startsWith("${") ? value(text, "(?m)^ARG " + runtime.substring(2, runtime.length() - 1)
        + "=(\\S+)") : runtime;
    if (base.endsWith("-jdk") || base.contains("-jdk-")) {
      tools.addAll(List.of("jcmd", "jhsdb", "jstack", "jmap"));
    }
    return tools;
  }

  private static String value(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    assertThat(matcher.find()).as(regex).isTrue();
    return matcher.group(1);
  }

  private static int megabytes(String limit) {
    int number = Integer.parseInt(limit.substring(0, limit.length() - 1));
    return limit.endsWith("g") ? number * 1024 : number;
  }

  private static List<String> array(String script, String name) {
    Matcher matcher = Pattern.compile("(?m)^" + name + "=\\(([^)]*)\\)").matcher(script);
    assertThat(matcher.find()).as("array " + name + " in validate.sh").isTrue();
    List<String> items = new ArrayList<>();
    for (String item : matcher.group(1).trim().split("\\s+")) {
      items.add(item);
    }
    return items;
  }

  private static Set<String> names(String text, String regex) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = Pattern.compile(regex).matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  private static int count(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }
}
