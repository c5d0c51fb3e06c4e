#!/usr/bin/env bash
# Interleaved rounds of Stan and this library on gaussian-dense (docs/benchmarks.md, "Dense Gaussian after
# the NUTS and MultivariateNormal work"): NUTS, 4 chains x (1000 warm-up + 1000 draws), dense metric,
# delta 0.8, 2 chains at a time for Stan and 2 threads for us, one seed per round for both.
#
# usage: benchmarks/stan/dense_rounds.sh DATA_DIR WORK_DIR ROUNDS [JAR]
#   DATA_DIR holds gaussian-dense.csv (java -jar JAR generate gaussian-dense DATA_DIR/gaussian-dense.csv)
#   WORK_DIR receives Stan's compiled model (reused), each round's JSON, and rounds.tsv
#   JAR defaults to examples/target/hamiltorch-examples.jar
# Each round prints: round, load average, Stan's min bulk-ESS, CPU s (sum of its chains' elapsed times),
# wall s (its sampling() call), then ours: min bulk-ESS, process CPU s (user + sys, JVM start and
# diagnostics included), process wall s, and min bulk-ESS per CPU-s and per wall-s for both.
set -euo pipefail
data=$1; work=$2; rounds=$3; jar=${4:-examples/target/hamiltorch-examples.jar}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work"
printf 'round\tload\tstan_ess\tstan_cpu\tstan_wall\tours_ess\tours_cpu\tours_wall\tstan_ess_per_cpu\tours_ess_per_cpu\tstan_ess_per_wall\tours_ess_per_wall\n' > "$work/rounds.tsv"
for r in $(seq 1 "$rounds"); do
  load=$(cut -d' ' -f1 /proc/loadavg)
  Rscript "$here/run_stan.R" "$data" "$work" "$r" 2 gaussian_dense > "$work/stan-$r.log" 2>&1
  cp "$work/stan-results.json" "$work/stan-$r.json"
  /usr/bin/time -f "%U %S %e" -o "$work/time-$r.txt" java -jar "$jar" gaussian-dense --data "$data/gaussian-dense.csv" \
      --adapt-metric dense --sampler nuts --chains 4 --samples 2000 --burn 1000 --seed "$r" --quiet --json "$work/ours-$r.json"
  python3 - "$work" "$r" "$load" >> "$work/rounds.tsv" <<'PY'
import json, sys
work, r, load = sys.argv[1], sys.argv[2], sys.argv[3]
s = json.load(open(f"{work}/stan-{r}.json"))[0]
o = json.load(open(f"{work}/ours-{r}.json"))
user, system, wall = map(float, open(f"{work}/time-{r}.txt").read().split()[-3:])
ess = min(p["ess_bulk"] for p in o["params"])
cpu = user + system
print(f"{r}\t{load}\t{s['ess_bulk_min']:.0f}\t{s['cpu_seconds']:.1f}\t{s['wall_seconds']:.1f}\t{ess:.0f}\t{cpu:.1f}\t{wall:.1f}"
      f"\t{s['ess_bulk_min'] / s['cpu_seconds']:.1f}\t{ess / cpu:.1f}\t{s['ess_bulk_min'] / s['wall_seconds']:.1f}\t{ess / wall:.1f}")
PY
  tail -1 "$work/rounds.tsv"
done
