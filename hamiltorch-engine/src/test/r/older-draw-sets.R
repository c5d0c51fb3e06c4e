# Generates the first seven draw sets of src/test/resources/diagnostics (ar1, odd, ties, constant_chain,
# constant, antithetic, tiny). Run from that folder: Rscript ../../r/older-draw-sets.R
# posterior-reference.R reads them back and writes posterior's values for them into reference.csv.
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
for (name in names(sets)) {
  x <- sets[[name]]
  write.table(matrix(sprintf("%.17g", x), nrow = nrow(x)), file = paste0(name, ".csv"), sep = ",",
              quote = FALSE, row.names = FALSE, col.names = paste0("chain", seq_len(ncol(x))))
}
