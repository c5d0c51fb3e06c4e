// Bayesian logistic regression without intercept, as the runner's `logistic` workload:
// w ~ N(0, 1), y_i ~ Bernoulli(inv_logit(x_i . w)).
data {
  int<lower=1> N;
  int<lower=1> K;
  matrix[N, K] X;
  int<lower=0, upper=1> y[N];
}
parameters {
  vector[K] w;
}
model {
  w ~ std_normal();
  y ~ bernoulli_logit(X * w);
}
