# The shipped MNIST digits and the introduction's CNN, shared by the scripts that time hamiltorch.
import gzip
import numpy as np, torch, torch.nn as nn, torch.nn.functional as F

DATA = 'examples/src/main/resources/mnist-10k/'

def idx(path):
    b = gzip.open(path).read(); rank = b[3]
    dims = [int.from_bytes(b[4 + 4 * i:8 + 4 * i], 'big') for i in range(rank)]
    return np.frombuffer(b, dtype=np.uint8, offset=4 + 4 * rank).reshape(dims)

def digits(first, last):
    """Digits first..last-1 of the shipped set: images N x 1 x 28 x 28 with pixels in [0, 1], labels."""
    x = torch.tensor(idx(DATA + 'images-idx3-ubyte.gz')[first:last].astype(np.float32) / 255.).unsqueeze(1)
    y = torch.tensor(idx(DATA + 'labels-idx1-ubyte.gz')[first:last].astype(np.int64))
    return x, y

class Net(nn.Module):
    """conv 5x5 1->20, max-pool 2, ReLU, conv 5x5 20->50, max-pool 2, ReLU, linear 800->500, ReLU, linear 500->10."""
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 20, 5, 1); self.conv2 = nn.Conv2d(20, 50, 5, 1)
        self.fc1 = nn.Linear(800, 500); self.fc2 = nn.Linear(500, 10)
    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2, 2); x = F.max_pool2d(F.relu(self.conv2(x)), 2, 2)
        return self.fc2(F.relu(self.fc1(x.view(-1, 800))))
