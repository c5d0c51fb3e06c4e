// The runner's `gaussian3d`: independent normals with means (1, 2, 3) and sd 0.5.
parameters {
  vector[3] theta;
}
model {
  theta ~ normal([1, 2, 3]', 0.5);
}
