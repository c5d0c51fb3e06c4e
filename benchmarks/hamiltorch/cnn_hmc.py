# hamiltorch's HMC (L = 1, eps 0.003, tau_out 1) on the introduction's CNN and the first 100 shipped MNIST
# digits (pixels in [0, 1]), timed around sample_model only. Usage, from the repository root:
#   HAMILTORCH_SRC=DIR python3 benchmarks/hamiltorch/cnn_hmc.py NUM_SAMPLES [TORCH_THREADS]
# where DIR is a checkout of hamiltorch (the folder holding the `hamiltorch` package).
import gzip, os, sys, time
import numpy as np, torch, torch.nn as nn, torch.nn.functional as F
sys.path.insert(0, os.environ.get('HAMILTORCH_SRC', '.'))
import hamiltorch

def idx(path):
    b = gzip.open(path).read(); rank = b[3]
    dims = [int.from_bytes(b[4 + 4 * i:8 + 4 * i], 'big') for i in range(rank)]
    return np.frombuffer(b, dtype=np.uint8, offset=4 + 4 * rank).reshape(dims)

data = 'examples/src/main/resources/mnist-10k/'
X = torch.tensor(idx(data + 'images-idx3-ubyte.gz')[:100].astype(np.float32) / 255.).unsqueeze(1)
Y = torch.tensor(idx(data + 'labels-idx1-ubyte.gz')[:100].astype(np.int64))

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 20, 5, 1); self.conv2 = nn.Conv2d(20, 50, 5, 1)
        self.fc1 = nn.Linear(800, 500); self.fc2 = nn.Linear(500, 10)
    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2, 2); x = F.max_pool2d(F.relu(self.conv2(x)), 2, 2)
        return F.log_softmax(self.fc2(F.relu(self.fc1(x.view(-1, 800)))), dim=1)

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
