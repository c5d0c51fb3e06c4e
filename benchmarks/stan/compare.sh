#!/usr/bin/env bash
# Stan against this library's runner on one workload, interleaved round by round (docs/benchmarks.md,
# "Logistic regression after the fused kernel").
#
# usage: benchmarks/stan/compare.sh DATA_DIR WORK_DIR ROUNDS WORKLOAD [JAVA_OPTIONS...]
#   WORKLOAD: logistic | gaussian3d | gaussian-dense; DATA_DIR as for run_stan.R; WORK_DIR keeps Stan's
#   compiled models between calls. Round r uses seed r on both sides: Stan with 2 chains at a time
#   (2 processes), the runner with its 4 chains on min(4, processors) threads, each 1000 warm-up +
#   1000 draws, delta 0.8, diagonal metric (dense for gaussian-dense). JAVA_OPTIONS go to the JVM
#   (e.g. -Xshare:on -XX:SharedArchiveFile=$PWD/examples/target/hamiltorch-examples.jsa, the archive made with
#   -XX:ArchiveClassesAtExit and the jar's absolute path; -Xshare:on fails instead of running without it).
# Prints one line per side and round: minimum bulk-ESS, CPU seconds, wall seconds, and their ratios.
#   Stan:  CPU = the chains' own elapsed times summed (get_elapsed_time), wall = the sampling() call.
#   ours:  CPU = the whole java process (user + sys: JVM start, class loading, JIT, GC, summary),
#          wall = the whole process, and sampling = the JSON's sampling_seconds.
set -euo pipefail
data=$1; work=$2; rounds=$3; workload=$4; shift 4
here=$(cd "$(dirname "$0")" && pwd)
# an absolute path: a class-data-sharing archive only serves the class path it was made with
jar=$(realpath "${JAR:-$here/../../examples/target/hamiltorch-examples.jar}")
stan_name=${workload//-/_}
extra=()
case $workload in
  logistic) extra=(--data "$data/logistic.csv") ;;
  gaussian-dense) extra=(--data "$data/gaussian-dense.csv" --adapt-metric dense) ;;
esac
mkdir -p "$work"
for r in $(seq 1 "$rounds"); do
  echo "round $r, $(uptime | sed 's/.*load/load/')"
  Rscript "$here/run_stan.R" "$data" "$work" "$r" 2 "$stan_name" > "$work/stan.log"
  python3 - "$work/stan-results.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))[0]
print("  stan  min bulk-ESS %7.1f  cpu %6.2f s  wall %6.2f s  ESS/cpu-s %8.1f  ESS/wall-s %8.1f  gradients %d"
      % (r["ess_bulk_min"], r["cpu_seconds"], r["wall_seconds"], r["ess_bulk_min_per_cpu_second"],
         r["ess_bulk_min_per_wall_second"], r["gradients"]))
PY
  /usr/bin/time -f "%e %U %S" -o "$work/time.txt" java "$@" -jar "$jar" "$workload" "${extra[@]}" --sampler nuts \
    --chains 4 --samples 2000 --burn 1000 --seed "$r" --quiet --json "$work/ours.json"
  python3 - "$work/ours.json" "$work/time.txt" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
wall, user, system = map(float, open(sys.argv[2]).read().split()[-3:])
ess = min(p["ess_bulk"] for p in d["params"])
cpu = user + system
print("  ours  min bulk-ESS %7.1f  cpu %6.2f s  wall %6.2f s  ESS/cpu-s %8.1f  ESS/wall-s %8.1f  gradients %d  sampling %.2f s"
      % (ess, cpu, wall, ess / cpu, ess / wall, d["gradient_evaluations"], d["sampling_seconds"]))
PY
done
