#!/usr/bin/env Rscript
# Stan's side of the NUTS speed comparison (docs/nuts.md, docs/benchmarks.md).
#
# usage: Rscript benchmarks/stan/run_stan.R DATA_DIR WORK_DIR [SEED] [CORES] [WORKLOADS]
#   DATA_DIR holds logistic.csv and gaussian-dense.csv, written by
#     java -jar examples/target/hamiltorch-examples.jar generate logistic DATA_DIR/logistic.csv
#     java -jar examples/target/hamiltorch-examples.jar generate gaussian-dense DATA_DIR/gaussian-dense.csv
#   WORK_DIR receives the compiled models (reused by later runs) and stan-results.json.
#
# Each workload: 4 chains x (1000 warm-up + 1000 draws), delta 0.8, diagonal metric (dense for the
# 100-D Gaussian), chains run CORES at a time (default 2). Reported per workload:
#   ess_bulk_min, ess_bulk_mean   over parameters, R package posterior
#   gradients                     sum of n_leapfrog__ over every iteration, warm-up included
#   ess_bulk_min_per_1000_gradients = 1000 * ess_bulk_min / gradients
#   gradients_sampling, ess_bulk_min_per_1000_sampling_gradients: the same over the 1000 draws only
#   cpu_seconds                   sum over chains of Stan's elapsed warm-up + sampling time
#   wall_seconds                  wall time of the sampling() call (chains CORES at a time)
#   ess_bulk_min_per_cpu_second, ess_bulk_min_per_wall_second
#   divergences (after warm-up), step sizes and the adapted inverse metric's diagonal (per chain)
# WORKLOADS: comma-separated, of logistic,gaussian_dense,gaussian3d (default all three).
suppressMessages({
  library(rstan)
  library(posterior)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 2) stop("usage: run_stan.R DATA_DIR WORK_DIR [SEED] [CORES]")
data_dir <- args[1]
work_dir <- args[2]
seed <- if (length(args) >= 3) as.integer(args[3]) else 1L
cores <- if (length(args) >= 4) as.integer(args[4]) else 2L
workloads <- if (length(args) >= 5) strsplit(args[5], ",")[[1]] else c("logistic", "gaussian_dense", "gaussian3d")
dir.create(work_dir, showWarnings = FALSE, recursive = TRUE)
# Debian's r-cran-bh is an empty package that relies on libboost-dev, and lacks the include folder
# rstan looks for ("Boost not found"): give rstan a private BH whose include/boost is the system's.
if (system.file("include", package = "BH") == "" && dir.exists("/usr/include/boost")) {
  bh <- file.path(work_dir, "rlib", "BH")
  if (!dir.exists(file.path(bh, "include"))) {
    dir.create(file.path(work_dir, "rlib"), showWarnings = FALSE, recursive = TRUE)
    file.copy(find.package("BH"), file.path(work_dir, "rlib"), recursive = TRUE)
    dir.create(file.path(bh, "include"), showWarnings = FALSE)
    file.symlink("/usr/include/boost", file.path(bh, "include", "boost"))
  }
  .libPaths(c(file.path(work_dir, "rlib"), .libPaths()))
}
here <- dirname(normalizePath(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))))

compiled <- function(name) {
  # a copy in WORK_DIR, so auto_write caches the compiled model there, not in the repository
  file <- file.path(work_dir, paste0(name, ".stan"))
  file.copy(file.path(here, paste0(name, ".stan")), file, overwrite = TRUE)
  rstan_options(auto_write = TRUE)
  stan_model(file)
}

logistic_data <- function() {
  d <- read.csv(file.path(data_dir, "logistic.csv"))
  X <- as.matrix(d[, -1])
  list(N = nrow(X), K = ncol(X), X = X, y = as.integer(d$y))
}

gaussian_data <- function() {
  m <- as.matrix(read.csv(file.path(data_dir, "gaussian-dense.csv"), header = FALSE))
  n <- nrow(m)
  list(n = n, mu = as.vector(m[, 1]), Sigma = unname(m[, 2:(n + 1)]))
}

run <- function(name, data, metric) {
  model <- compiled(name)
  start <- Sys.time()
  fit <- sampling(model, data = data, chains = 4, iter = 2000, warmup = 1000, seed = seed, cores = cores,
                  control = list(adapt_delta = 0.8, metric = metric), refresh = 0)
  wall <- as.numeric(difftime(Sys.time(), start, units = "secs"))
  draws <- as_draws_array(as.array(fit))
  draws <- subset_draws(draws, variable = setdiff(variables(draws), "lp__"))
  ess <- summarise_draws(draws, ess_bulk)$ess_bulk
  params <- get_sampler_params(fit, inc_warmup = TRUE)
  gradients <- sum(sapply(params, function(p) sum(p[, "n_leapfrog__"])))
  gradients_sampling <- sum(sapply(get_sampler_params(fit, inc_warmup = FALSE), function(p) sum(p[, "n_leapfrog__"])))
  divergences <- sum(sapply(get_sampler_params(fit, inc_warmup = FALSE), function(p) sum(p[, "divergent__"])))
  step_size <- sapply(get_sampler_params(fit, inc_warmup = FALSE), function(p) p[1, "stepsize__"])
  cpu <- sum(get_elapsed_time(fit))
  # the adapted inverse metric's diagonal, per chain, from the adaptation info's last line of numbers
  inv_metric_diagonal <- lapply(get_adaptation_info(fit), function(info) {
    lines <- strsplit(info, "\n")[[1]]
    numbers <- lines[grepl("^# [-0-9.e, ]+$", lines)]
    if (length(numbers) == 0) return(NULL)
    if (metric == "diag_e") {
      as.numeric(strsplit(sub("^# ", "", numbers[length(numbers)]), ", ")[[1]])
    } else {
      m <- do.call(rbind, lapply(numbers, function(l) as.numeric(strsplit(sub("^# ", "", l), ", ")[[1]])))
      diag(m)
    }
  })
  list(workload = name, metric = metric, chains = 4, warmup = 1000, draws = 1000, adapt_delta = 0.8,
       seed = seed, cores = cores, ess_bulk_min = min(ess), ess_bulk_mean = mean(ess), gradients = gradients,
       ess_bulk_min_per_1000_gradients = 1000 * min(ess) / gradients, gradients_sampling = gradients_sampling,
       ess_bulk_min_per_1000_sampling_gradients = 1000 * min(ess) / gradients_sampling,
       cpu_seconds = cpu, wall_seconds = wall,
       ess_bulk_min_per_cpu_second = min(ess) / cpu, ess_bulk_min_per_wall_second = min(ess) / wall,
       divergences = divergences, step_size = step_size, inv_metric_diagonal = inv_metric_diagonal,
       stan_version = stan_version())
}

runs <- list(
  logistic = function() run("logistic", logistic_data(), "diag_e"),
  gaussian_dense = function() run("gaussian_dense", gaussian_data(), "dense_e"),
  gaussian3d = function() run("gaussian3d", list(), "diag_e"))
results <- lapply(workloads, function(w) runs[[w]]())
for (r in results) {
  cat(sprintf("%-15s %-7s min bulk-ESS %7.1f  per 1000 gradients %6.2f  gradients %8d  cpu %6.2f s  wall %6.2f s  min ESS/cpu-s %8.1f  min ESS/wall-s %8.1f  divergences %d\n",
              r$workload, r$metric, r$ess_bulk_min, r$ess_bulk_min_per_1000_gradients, as.integer(r$gradients),
              r$cpu_seconds, r$wall_seconds, r$ess_bulk_min_per_cpu_second, r$ess_bulk_min_per_wall_second,
              as.integer(r$divergences)))
}
write_json(results, file.path(work_dir, "stan-results.json"), auto_unbox = TRUE, digits = NA, pretty = TRUE)
