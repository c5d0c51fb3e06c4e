# Reference values of R's posterior for the diagnostics tests (PosteriorReferenceTest).
# Run from the repository root:  Rscript hamiltorch-engine/src/test/r/posterior-reference.R
# (R 4.x, posterior from Debian's r-cran-posterior; the version used is written into reference.csv).
# It writes the new draw sets beside the older ones in src/test/resources/diagnostics/ (one column per
# chain, 17 significant digits) and, for every draw set there, old and new, one line per measure into
# src/test/resources/diagnostics/reference.csv: set,measure,value ("NA" where posterior gives NA).
# The tests read only the CSV files; R is not needed to build or test the project.
suppressPackageStartupMessages(library(posterior))
dir <- "hamiltorch-engine/src/test/resources/diagnostics"
set.seed(20261206)
ar1 <- function(n, phi, sd = 1) {
  x <- numeric(n)
  x[1] <- rnorm(1, 0, sd / sqrt(1 - phi^2))
  for (i in 2:n) x[i] <- phi * x[i - 1] + rnorm(1, 0, sd)
  x
}
one_off <- matrix(1.25, nrow = 30, ncol = 2)
one_off[7, 2] <- 1.75
with_nan <- matrix(rnorm(40), ncol = 2)
with_nan[5, 1] <- NaN
with_inf <- matrix(rnorm(40), ncol = 2)
with_inf[12, 2] <- Inf
inf_median <- matrix(c(rnorm(8), rep(Inf, 12)), ncol = 2)    # the median is +Inf: the folded draws are NaN
both_inf <- matrix(c(-Inf, rnorm(8), Inf, Inf, rnorm(8), -Inf), ncol = 2)
new_sets <- list(
  normal = matrix(rnorm(800), ncol = 4),                       # iid N(0, 1), 4 chains x 200
  ar1_strong = sapply(1:4, function(c) ar1(300, 0.95)),         # slow mixing
  heavy = matrix(rt(1000, df = 1.5), ncol = 4),                 # Student t, infinite variance
  shifted = sapply(c(0, 0, 0, 3), function(m) m + ar1(100, 0.3)), # one chain elsewhere: R-hat large
  one_off = one_off,                                            # constant but for one draw
  draws1 = matrix(c(0.4, -0.7, 1.9), nrow = 1),                 # 3 chains x 1 draw
  draws2 = matrix(c(0.4, -0.7, 1.9, 0.2), nrow = 2),            # 2 chains x 2
  draws3 = matrix(c(0.4, -0.7, 1.9, 0.2, -1.1, 0.6), nrow = 3), # 2 chains x 3
  draws4 = matrix(rnorm(12), nrow = 4),                         # 3 chains x 4
  odd7 = matrix(rnorm(21), nrow = 7),                           # 3 chains x 7: the middle draw is left out
  with_nan = with_nan, with_inf = with_inf, inf_median = inf_median, both_inf = both_inf
)
for (name in names(new_sets)) {
  x <- new_sets[[name]]
  write.table(matrix(sprintf("%.17g", x), nrow = nrow(x)), file = file.path(dir, paste0(name, ".csv")), sep = ",",
              quote = FALSE, row.names = FALSE, col.names = paste0("chain", seq_len(ncol(x))))
}
# the older sets, written by older-draw-sets.R, are read back as they are
old <- c("ar1", "odd", "ties", "constant_chain", "constant", "antithetic", "tiny")
read_set <- function(name) as.matrix(read.csv(file.path(dir, paste0(name, ".csv"))))
fmt <- function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v))
# E-BFMI per chain (Betancourt 2016), the estimator of rstan's get_bfmi and CmdStan: the mean squared
# change of the energy over its variance, here on the draws of each column as if they were energies
ebfmi <- function(e) if (length(e) < 2) NA else sum(diff(e)^2) / sum((e - mean(e))^2)
lines <- c("set,measure,value", sprintf("_,posterior_version,%s", as.character(packageVersion("posterior"))))
for (name in c(old, names(new_sets))) {
  x <- read_set(name)
  m <- suppressWarnings(list(
    mean = mean(x), sd = sd(x), q5 = quantile2(x, 0.05), q50 = quantile2(x, 0.5), q95 = quantile2(x, 0.95),
    rhat = rhat(x), ess_bulk = ess_bulk(x), ess_tail = ess_tail(x), ess_mean = ess_mean(x), ess_sd = ess_sd(x),
    ess_median = ess_median(x), ess_q5 = ess_quantile(x, 0.05), ess_q95 = ess_quantile(x, 0.95),
    ess_q100 = ess_quantile(x, 1),
    mcse_mean = mcse_mean(x), mcse_sd = mcse_sd(x), mcse_median = mcse_median(x),
    mcse_q5 = mcse_quantile(x, 0.05), mcse_q95 = mcse_quantile(x, 0.95)))
  for (k in seq_len(ncol(x))) m[[paste0("ebfmi_chain", k)]] <- ebfmi(x[, k])
  for (measure in names(m)) lines <- c(lines, sprintf("%s,%s,%s", name, measure, fmt(unname(m[[measure]]))))
}
writeLines(lines, file.path(dir, "reference.csv"))
