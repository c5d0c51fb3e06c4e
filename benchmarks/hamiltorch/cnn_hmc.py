# hamiltorch's HMC (L = 1, eps 0.003, tau_out 1) on the introduction's CNN and the first 100 shipped MNIST
# digits (pixels in [0, 1]), timed around sample_model only. Usage, from the repository root:
#   HAMILTORCH_SRC=DIR python3 benchmarks/hamiltorch/cnn_hmc.py NUM_SAMPLES [TORCH_THREADS]
# where DIR is a checkout of hamiltorch (the folder holding the `hamiltorch` package).
import os, sys, time
import torch
sys.path.insert(0, os.environ.get('HAMILTORCH_SRC', '.'))
import hamiltorch
from mnist_cnn import Net, digits

X, Y = digits(0, 100)

if len(sys.argv) > 2:
    torch.set_num_threads(int(sys.argv[2]))
hamiltorch.set_random_seed(123)
net = Net()
params_init = hamiltorch.util.flatten(net).clone()
n = int(sys.argv[1])
t = time.time()
hamiltorch.sample_model(net, X, Y, params_init=params_init, num_samples=n, step_size=0.003,
                        num_steps_per_sample=1, tau_out=1., verbose=False)
dt = time.time() - t
print(f"hamiltorch samples/s {n / dt:.2f} ({n} samples, {dt:.1f} s, torch threads {torch.get_num_threads()})")
