# Every variable here has a line in terraform.tfvars.example (deploy-tests checks both lists are the same).

variable "docker_host" {
  description = "Docker daemon to deploy to."
  type        = string
  default     = "unix:///var/run/docker.sock"
}

variable "repo_root" {
  description = "Absolute path of this repository's checkout: build context of the images and source of the config files."
  type        = string
}

variable "build_images" {
  description = "Build pyrofn/bank-demo, pyrofn/sor and pyrofn/bor from source (false: use images already present)."
  type        = bool
  default     = true
}

variable "grafana_admin_user" {
  description = "Grafana admin login."
  type        = string
  default     = "admin"
}

variable "grafana_admin_password" {
  description = "Grafana admin password."
  type        = string
  sensitive   = true
}

variable "postgres_password" {
  description = "Password of the pyrofn PostgreSQL user, given to the four database functions as DB_PASSWORD."
  type        = string
  sensitive   = true
}

variable "functions_token" {
  description = "Bearer token the database functions accept for writes (AUTH_TOKENS) and the BORs send (UPSTREAM_TOKEN); empty: writes open."
  type        = string
  default     = ""
  sensitive   = true
}
