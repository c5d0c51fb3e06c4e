#!/bin/sh
# Interleaved timing of prediction on the 1000 validation digits of bnn-mnist: hamiltorch's predict_model
# (cnn_predict.py, 2 torch threads) and this library's predictModel (PredictTiming, -Xmx2g), each in its own
# process, on the same draws file, ROUNDS times each, alternating; /usr/bin/time adds each process's wall and
# CPU seconds (start-up included). Usage, from the repository root after `mvn -q -DskipTests install`:
#   HAMILTORCH_SRC=DIR sh benchmarks/hamiltorch/compare_predict.sh DRAWS_FILE K ROUNDS
# The draws file must hold exactly K draws (bnn-mnist --samples K --draws FILE writes one).
set -e
file=$1; k=$2; rounds=$3
jar=examples/target/hamiltorch-examples.jar
for r in $(seq 1 "$rounds"); do
  echo "round $r, $(uptime | sed 's/.*load/load/')"
  /usr/bin/time -f "  hamiltorch process: %e s wall, %U+%S s CPU" \
    /usr/bin/python3 benchmarks/hamiltorch/cnn_predict.py "$file" "$k" 2 1 2>&1 | grep -v '^$' | tail -2
  /usr/bin/time -f "  this library process: %e s wall, %U+%S s CPU" \
    java -Xmx2g -cp "$jar" dev.hamiltorch.examples.timing.PredictTiming "$file" 2 1 2>&1 | grep "round\|process"
done
