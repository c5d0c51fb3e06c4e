# Generates the draw sets in this folder and prints posterior's diagnostics for them.
# Run from this folder: Rscript make-reference.R   (R 4.x, posterior 1.4.0 from Debian's r-cran-posterior)
# The Java test reads only the CSV files; the printed values are pasted into ConvergenceDiagnosticsTest.
suppressPackageStartupMessages(library(posterior))
set.seed(20261124)
ar1 <- function(n, phi, sd = 1) {
  x <- numeric(n)
  x[1] <- rnorm(1, 0, sd / sqrt(1 - phi^2))
  for (i in 2:n) x[i] <- phi * x[i - 1] + rnorm(1, 0, sd)
  x
}
sets <- list(
  ar1 = sapply(1:4, function(c) ar1(100, 0.7)),
  odd = cbind(ar1(51, 0.5), ar1(51, 0.5) + 0.8),
  ties = sapply(1:4, function(c) round(ar1(60, 0.6))),
  constant_chain = cbind(rep(1.5, 40), rnorm(40)),
  constant = matrix(2, nrow = 30, ncol = 3),
  antithetic = matrix(ar1(200, -0.6), ncol = 1),
  tiny = matrix(c(0.3, -1.2, 0.8, 2.1, -0.4), ncol = 1)
)
fmt <- function(v) if (is.na(v)) "NaN" else sprintf("%.17g", v)
for (name in names(sets)) {
  x <- sets[[name]]
  write.table(matrix(sprintf("%.17g", x), nrow = nrow(x)), file = paste0(name, ".csv"), sep = ",",
              quote = FALSE, row.names = FALSE, col.names = paste0("chain", seq_len(ncol(x))))
  cat(sprintf("%s: rhat %s, ess_bulk %s, ess_tail %s, ess_mean %s, mcse_mean %s\n", name,
              fmt(rhat(x)), fmt(ess_bulk(x)), fmt(ess_tail(x)), fmt(ess_mean(x)), fmt(mcse_mean(x))))
  q <- mcse_quantile(x, c(0.05, 0.5, 0.95))
  cat(sprintf("%s: mcse_sd %s, mcse_q05 %s, mcse_q50 %s, mcse_q95 %s\n", name,
              fmt(mcse_sd(x)), fmt(q[1]), fmt(q[2]), fmt(q[3])))
}
