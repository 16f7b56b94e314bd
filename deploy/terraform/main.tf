# The demo stack with the Docker provider: the same containers, names, ports, images and environment as
# deploy/docker-compose.yml. The stack table (images, services, functions, their env) is local.* in stack.tf.json.

locals {
  config = "${var.repo_root}/deploy/config"
  builds = {
    bank = { dockerfile = "deploy/docker/bank-demo.Dockerfile", args = {} }
    sor  = { dockerfile = "deploy/docker/function.Dockerfile", args = { MODULE = "sor" } }
    bor  = { dockerfile = "deploy/docker/function.Dockerfile", args = { MODULE = "bor" } }
  }
  pulled = toset(["pyroscope", "prometheus", "grafana", "postgres"])
  # One token, two names: the database SORs accept it for writes, the BORs send it (History writes need it).
  secret_env = {
    DB_PASSWORD    = var.postgres_password
    AUTH_TOKENS    = var.functions_token
    UPSTREAM_TOKEN = var.functions_token
  }
}

resource "docker_network" "pyrofn" {
  name = "pyrofn"
}

resource "docker_volume" "data" {
  for_each = toset(local.volumes)
  name     = each.value
}

resource "docker_image" "built" {
  for_each     = var.build_images ? local.builds : {}
  name         = local.images[each.key]
  keep_locally = true
  build {
    context    = var.repo_root
    dockerfile = each.value.dockerfile
    build_args = each.value.args
  }
}

resource "docker_image" "pulled" {
  for_each     = local.pulled
  name         = local.images[each.key]
  keep_locally = true
}

resource "docker_container" "pyroscope" {
  name    = "pyroscope"
  memory  = local.infra_memory["pyroscope"]
  image   = docker_image.pulled["pyroscope"].image_id
  command = ["-config.file=/etc/pyroscope/config.yaml"]
  restart = "unless-stopped"
  ports {
    internal = 4040
    external = 4040
  }
  volumes {
    host_path      = "${local.config}/pyroscope/pyroscope.yaml"
    container_path = "/etc/pyroscope/config.yaml"
    read_only      = true
  }
  volumes {
    volume_name    = docker_volume.data["pyroscope-data"].name
    container_path = "/data"
  }
  networks_advanced {
    name = docker_network.pyrofn.name
  }
}

resource "docker_container" "prometheus" {
  name   = "prometheus"
  memory = local.infra_memory["prometheus"]
  image  = docker_image.pulled["prometheus"].image_id
  command = [
    "--config.file=/etc/prometheus/prometheus.yml",
    "--storage.tsdb.path=/prometheus",
    "--storage.tsdb.retention.time=15d",
    "--web.enable-lifecycle",
  ]
  restart = "unless-stopped"
  ports {
    internal = 9090
    external = 9090
  }
  volumes {
    host_path      = "${local.config}/prometheus"
    container_path = "/etc/prometheus"
    read_only      = true
  }
  volumes {
    volume_name    = docker_volume.data["prometheus-data"].name
    container_path = "/prometheus"
  }
  networks_advanced {
    name = docker_network.pyrofn.name
  }
  healthcheck {
    test     = ["CMD", "wget", "-q", "-O", "/dev/null", "http://localhost:9090/-/ready"]
    interval = "10s"
    timeout  = "5s"
    retries  = 6
  }
}

resource "docker_container" "grafana" {
  name    = "grafana"
  memory  = local.infra_memory["grafana"]
  image   = docker_image.pulled["grafana"].image_id
  restart = "unless-stopped"
  env = [
    "GF_SECURITY_ADMIN_USER=${var.grafana_admin_user}",
    "GF_SECURITY_ADMIN_PASSWORD=${var.grafana_admin_password}",
    "GF_USERS_ALLOW_SIGN_UP=false",
  ]
  ports {
    internal = 3000
    external = 3000
  }
  volumes {
    host_path      = "${local.config}/grafana/provisioning"
    container_path = "/etc/grafana/provisioning"
    read_only      = true
  }
  volumes {
    host_path      = "${local.config}/grafana/dashboards"
    container_path = "/var/lib/grafana/dashboards"
    read_only      = true
  }
  volumes {
    volume_name    = docker_volume.data["grafana-data"].name
    container_path = "/var/lib/grafana"
  }
  networks_advanced {
    name = docker_network.pyrofn.name
  }
  healthcheck {
    test     = ["CMD", "wget", "-q", "-O", "/dev/null", "http://localhost:3000/api/health"]
    interval = "10s"
    timeout  = "5s"
    retries  = 6
  }
  depends_on = [docker_container.prometheus, docker_container.pyroscope]
}

resource "docker_container" "postgres" {
  name    = "postgres"
  memory  = local.infra_memory["postgres"]
  image   = docker_image.pulled["postgres"].image_id
  restart = "unless-stopped"
  env = [
    "POSTGRES_DB=pyroscope_functions",
    "POSTGRES_USER=pyrofn",
    "POSTGRES_PASSWORD=${var.postgres_password}",
  ]
  volumes {
    volume_name    = docker_volume.data["postgres-data"].name
    container_path = "/var/lib/postgresql/data"
  }
  networks_advanced {
    name = docker_network.pyrofn.name
  }
  healthcheck {
    test     = ["CMD-SHELL", "pg_isready -U pyrofn -d pyroscope_functions"]
    interval = "5s"
    timeout  = "5s"
    retries  = 12
  }
  wait = true
}

resource "docker_container" "bank" {
  for_each = local.bank_services
  name     = each.key
  image    = var.build_images ? docker_image.built["bank"].image_id : local.images["bank"]
  memory   = each.value.memory
  restart  = "unless-stopped"
  env      = [for k, v in each.value.env : "${k}=${v}"]
  ports {
    internal = each.value.port
    external = each.value.port
  }
  networks_advanced {
    name = docker_network.pyrofn.name
  }
  healthcheck {
    test         = ["CMD", "curl", "-fsS", "http://localhost:${each.value.port}/health"]
    interval     = "10s"
    timeout      = "5s"
    retries      = 6
    start_period = "20s"
  }
  depends_on = [docker_container.pyroscope]
}

resource "docker_container" "function" {
  for_each = local.functions
  name     = each.key
  image    = var.build_images ? docker_image.built[each.value.image].image_id : local.images[each.value.image]
  memory   = each.value.memory
  restart  = "unless-stopped"
  env = concat(
    [for k, v in each.value.env : "${k}=${v}"],
    [for name in each.value.secrets : "${name}=${local.secret_env[name]}"],
  )
  ports {
    internal = each.value.port
    external = each.value.port
  }
  networks_advanced {
    name = docker_network.pyrofn.name
  }
  healthcheck {
    test         = ["CMD", "curl", "-fsS", "http://localhost:${each.value.port}/health"]
    interval     = "10s"
    timeout      = "5s"
    retries      = 6
    start_period = "20s"
  }
  depends_on = [docker_container.postgres, docker_container.pyroscope]
}

# Alertmanager: routes every alert Prometheus raises (critical pages, warning/info to the channel); the webhook
# placeholders are in deploy/config/alertmanager/alertmanager.yml. No volume: silences do not survive re-creation.
resource "docker_image" "alertmanager" {
  name         = local.images["alertmanager"]
  keep_locally = true
}

resource "docker_container" "alertmanager" {
  name   = "alertmanager"
  memory = local.infra_memory["alertmanager"]
  image  = docker_image.alertmanager.image_id
  command = [
    "--config.file=/etc/alertmanager/alertmanager.yml",
    "--storage.path=/alertmanager",
  ]
  restart = "unless-stopped"
  ports {
    internal = 9093
    external = 9093
  }
  volumes {
    host_path      = "${local.config}/alertmanager"
    container_path = "/etc/alertmanager"
    read_only      = true
  }
  networks_advanced {
    name = docker_network.pyrofn.name
  }
  healthcheck {
    test     = ["CMD", "wget", "-q", "-O", "/dev/null", "http://localhost:9093/-/ready"]
    interval = "10s"
    timeout  = "5s"
    retries  = 6
  }
}
