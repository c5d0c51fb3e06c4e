// N(mu, Sigma) with a dense covariance, as the runner's `gaussian-dense` workload.
data {
  int<lower=1> n;
  vector[n] mu;
  cov_matrix[n] Sigma;
}
transformed data {
  matrix[n, n] L = cholesky_decompose(Sigma);
}
parameters {
  vector[n] theta;
}
model {
  theta ~ multi_normal_cholesky(mu, L);
}
