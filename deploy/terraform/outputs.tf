output "urls" {
  description = "Where the stack answers on the Docker host."
  value = merge(
    {
      grafana    = "http://localhost:3000"
      prometheus = "http://localhost:9090"
      pyroscope  = "http://localhost:4040"
    },
    { for name, s in local.bank_services : name => "http://localhost:${s.port}" },
    { for name, f in local.functions : name => "http://localhost:${f.port}" },
  )
}
