# hamiltorch's predict_model on the introduction's CNN, the 1000 validation digits of bnn-mnist (shipped digits
# 100-1099, pixels in [0, 1]) and the first K draws of a draws file written by this library
# (`bnn-mnist --draws FILE`: θ in PyTorch's parameters_to_vector order, see docs/networks.md), timed around
# predict_model only. The draws are read from the file into K tensors first, as hamiltorch holds its samples.
# Usage, from the repository root:
#   HAMILTORCH_SRC=DIR python3 benchmarks/hamiltorch/cnn_predict.py DRAWS_FILE K [TORCH_THREADS [ROUNDS]]
# where DIR is a checkout of hamiltorch (the folder holding the `hamiltorch` package).
import os, struct, sys, time
import numpy as np, torch
sys.path.insert(0, os.environ.get('HAMILTORCH_SRC', '.'))
import hamiltorch
from mnist_cnn import Net, digits

def draws(path, k):
    """The first k rows of a draws file (docs/bnn.md: little-endian header, rows of chain, iteration, D values)."""
    with open(path, 'rb') as f:
        head = f.read(32)
    assert head[:8] == b'HMCDRAWS', path + ': not a draws file'
    version, header, width, blocks, d = struct.unpack('<iiiiq', head[8:32])
    dtype = {4: '<f4', 8: '<f8'}[width]
    row = np.dtype([('chain', '<i4'), ('iteration', '<i4'), ('theta', dtype, (d,))])
    rows = np.memmap(path, dtype=row, mode='r', offset=header)
    assert len(rows) >= k, f'{path} holds {len(rows)} draws, fewer than {k}'
    return [torch.tensor(np.array(rows['theta'][i], dtype=np.float32)) for i in range(k)], d

X, Y = digits(100, 1100)

if len(sys.argv) > 3:
    torch.set_num_threads(int(sys.argv[3]))
k = int(sys.argv[2])
rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 1
samples, d = draws(sys.argv[1], k)
net = Net()
assert d == sum(p.nelement() for p in net.parameters()), f'draws of {d} parameters, the network has another count'
for r in range(rounds):
    t = time.time()
    pred, log_prob = hamiltorch.predict_model(net, samples=samples, x=X, y=Y, model_loss='multi_class_linear_output',
                                              tau_out=1., verbose=True)
    dt = time.time() - t
    accuracy = (pred.mean(0).argmax(-1) == Y).float().mean().item()
    print(f"hamiltorch predict_model: {k} draws, {dt:.2f} s, {dt / k:.4f} s per draw, torch threads "
          f"{torch.get_num_threads()}; accuracy of the mean logits {accuracy:.3f}; log posterior of the first draw "
          f"{float(log_prob[0]):.2f}")
