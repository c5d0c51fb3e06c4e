package dev.hamiltorch.engine.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.hamiltorch.api.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Hand-computed forward results of every operation, and a few exact gradients. */
class ForwardValuesTest {

    private static final Tensor M = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
    private static final double LN2 = Math.log(2);

    private static void assertTensor(int[] shape, double[] values, Tensor t) {
        assertArrayEquals(shape, t.shape(), "shape");
        assertArrayEquals(values, t.toArray(), 1e-15);
    }

    private static Tensor gradient(java.util.function.Function<Tensor, Tensor> f, Tensor at) {
        JvmTensor x = JvmTensor.variable(at.toArray(), at.shape());
        return Autodiff.grad(f.apply(x), x, false);
    }

    @Test
    void divisionByADoubleIsDivisionByAScalarTensorBitForBit() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(8);
        double[] values = new double[3000];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble(-10, 10);
        }
        for (double c : new double[] {3.0, 7.0, 0.1, -1e-3}) {
            assertArrayEquals(Tensor.of(values).div(Tensor.scalar(c)).toArray(), Tensor.of(values).div(c).toArray(), 0.0);
            // and their gradients, first and second order
            assertArrayEquals(gradient(x -> x.div(Tensor.scalar(c)).square().sum(), Tensor.of(values)).toArray(),
                    gradient(x -> x.div(c).square().sum(), Tensor.of(values)).toArray(), 0.0);
        }
    }

    @Test
    void arithmeticWithBroadcasting() {
        assertTensor(new int[] {2, 3}, new double[] {11, 22, 33, 14, 25, 36}, M.add(Tensor.of(10, 20, 30)));
        assertTensor(new int[] {2, 3}, new double[] {10, 20, 30, 20, 40, 60},
                Tensor.of(new double[] {1, 2}, 2, 1).mul(Tensor.of(new double[] {10, 20, 30}, 1, 3)));
        assertTensor(new int[] {3}, new double[] {-0.5, 0.5, 1.5}, Tensor.of(1, 2, 3).sub(1.5));
        assertTensor(new int[] {2}, new double[] {0.5, 0.5}, Tensor.of(2, 4).div(Tensor.of(4, 8)));
        assertTensor(new int[] {2}, new double[] {1.5, 0.75}, Tensor.scalar(3).div(Tensor.of(2, 4)));
        assertTensor(new int[] {2, 3}, new double[] {0, 1, 2, 3, 4, 5}, M.sub(Tensor.scalar(1)));
        assertTensor(new int[] {}, new double[] {6}, Tensor.scalar(2).mul(3.0));
        assertTensor(new int[] {2}, new double[] {0.25, 0.5}, Tensor.of(1, 2).div(4.0));
        assertTensor(new int[] {2}, new double[] {-1, 2}, Tensor.of(1, -2).neg());
    }

    @Test
    void powers() {
        assertTensor(new int[] {2}, new double[] {8, 9}, Tensor.of(2, 3).pow(Tensor.of(3, 2)));
        assertTensor(new int[] {2}, new double[] {2, 3}, Tensor.of(4, 9).pow(0.5));
        assertTensor(new int[] {2}, new double[] {0.5, 0.25}, Tensor.of(2, 4).pow(-1.0));
        assertTensor(new int[] {2}, new double[] {1, 1}, Tensor.of(2, 4).pow(0.0));
        assertTensor(new int[] {2}, new double[] {4, 16}, Tensor.of(2, 4).pow(2.0));
        // a one-element exponent of higher rank broadcasts like any other operand
        assertTensor(new int[] {1, 2}, new double[] {4, 16}, Tensor.of(2, 4).pow(Tensor.of(new double[] {2}, 1, 1)));
        // d/de 2^e = 2^e log 2 at e = 3
        assertEquals(8 * LN2, gradient(e -> Tensor.scalar(2).pow(e).sum(), Tensor.of(3)).item(), 1e-14);
    }

    @Test
    void unaryFunctions() {
        assertEquals(1.0, Tensor.scalar(0).exp().item());
        assertEquals(1.0, Tensor.scalar(Math.E).log().item(), 1e-16);
        assertEquals(1e-20, Tensor.scalar(1e-20).log1p().item());
        assertEquals(1e-20, Tensor.scalar(1e-20).expm1().item());
        assertEquals(4.0, Tensor.scalar(16).sqrt().item());
        assertTensor(new int[] {2}, new double[] {2.5, 2.5}, Tensor.of(-2.5, 2.5).abs());
        assertEquals(9.0, Tensor.scalar(-3).square().item());
        assertEquals(1.0, Tensor.scalar(Math.PI / 2).sin().item());
        assertEquals(1.0, Tensor.scalar(0).cos().item());
        assertEquals(0.0, Tensor.scalar(0).tanh().item());
        assertTensor(new int[] {3}, new double[] {0.5, 0.0, 1.0}, Tensor.of(0, -800, 800).sigmoid());
        assertTensor(new int[] {3}, new double[] {LN2, 0.0, 800}, Tensor.of(0, -800, 800).softplus());
        assertEquals(Math.log1p(Math.exp(-30)), Tensor.scalar(-30).softplus().item(), 1e-28);
        assertTensor(new int[] {2}, new double[] {0, 2}, Tensor.of(-1, 2).relu());
        assertArrayEquals(new double[] {0, 0, LN2, 0.5 * Math.log(Math.PI)},
                Tensor.of(1, 2, 3, 0.5).lgamma().toArray(), 1e-15);
        assertEquals(-0.5772156649015329, Tensor.scalar(1).digamma().item(), 1e-15);
        assertTensor(new int[] {3}, new double[] {-1, 0.5, 1}, Tensor.of(-2, 0.5, 3).clamp(-1, 1));
        assertTensor(new int[] {3}, new double[] {0, 0, 1}, Tensor.of(1, 2, 3).gt(Tensor.of(2)));
        assertTensor(new int[] {3}, new double[] {1, 0, 0}, Tensor.of(1, 2, 3).lt(Tensor.scalar(2)));
        // clamp's derivative is 1 inside [lo, hi] (bounds included) and 0 outside
        assertTensor(new int[] {4}, new double[] {0, 1, 1, 0},
                gradient(x -> x.clamp(-1, 1).sum(), Tensor.of(-2, -1, 0.5, 3)));
    }

    @Test
    void reductions() {
        assertEquals(21.0, M.sum().item());
        assertTensor(new int[] {3}, new double[] {5, 7, 9}, M.sum(0));
        assertTensor(new int[] {2}, new double[] {6, 15}, M.sum(1));
        assertTensor(new int[] {2}, new double[] {6, 15}, M.sum(-1));
        assertEquals(3.5, M.mean().item());
        assertTensor(new int[] {3}, new double[] {2.5, 3.5, 4.5}, M.mean(0));
        assertEquals(6.0, M.max().item());
        assertTensor(new int[] {3}, new double[] {4, 5, 6}, M.max(0));
        assertTensor(new int[] {2}, new double[] {3, 6}, M.max(-1));
        assertTensor(new int[] {2}, new double[] {2, 2}, Tensor.zeros(2, 0).sum(1).add(2));
        assertEquals(LN2, Tensor.of(0, 0).logSumExp().item(), 1e-16);
        assertEquals(1000 + LN2, Tensor.of(1000, 1000).logSumExp().item(), 1e-12);
        assertEquals(-1000 + LN2, Tensor.of(-1000, -1000).logSumExp().item(), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, Tensor.of(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY).logSumExp().item());
        assertEquals(5.0, Tensor.of(Double.NEGATIVE_INFINITY, 5).logSumExp().item());
        Tensor l = Tensor.of(new double[][] {{0, Math.log(3)}, {0, 0}});
        assertArrayEquals(new double[] {Math.log(4), LN2}, l.logSumExp(1).toArray(), 1e-15);
        assertArrayEquals(new double[] {LN2, Math.log(4)}, l.logSumExp(0).toArray(), 1e-15);
        // gradients: softmax for logSumExp, first argmax on ties for max
        assertArrayEquals(new double[] {0.25, 0.75, 0.5, 0.5},
                gradient(x -> x.logSumExp(1).sum(), l).toArray(), 1e-15);
        assertTensor(new int[] {3}, new double[] {0, 1, 0}, gradient(Tensor::max, Tensor.of(1, 3, 3)));
        assertTensor(new int[] {2, 2}, new double[] {1, 1, 0, 0},
                gradient(x -> x.max(0).sum(), Tensor.of(new double[][] {{2, 5}, {2, 4}})));
        assertTensor(new int[] {2, 3}, new double[] {1, 1, 1, 1, 1, 1}, gradient(x -> x.sum(1).sum(), M));
    }

    @Test
    void linearAlgebra() {
        Tensor a = Tensor.of(new double[][] {{1, 2}, {3, 4}});
        assertEquals(32.0, Tensor.of(1, 2, 3).dot(Tensor.of(4, 5, 6)).item());
        assertTensor(new int[] {2}, new double[] {17, 39}, a.matvec(Tensor.of(5, 6)));
        assertTensor(new int[] {2, 2}, new double[] {19, 22, 43, 50}, a.matmul(Tensor.of(new double[][] {{5, 6}, {7, 8}})));
        assertTensor(new int[] {2, 3}, new double[] {9, 12, 15, 19, 26, 33}, a.matmul(M.sub(0).reshape(2, 3)));
        assertTensor(new int[] {3, 2}, new double[] {1, 4, 2, 5, 3, 6}, M.transpose());
        Tensor spd = Tensor.of(new double[][] {{4, 2}, {2, 3}});
        assertArrayEquals(new double[] {2, 0, 1, Math.sqrt(2)}, spd.cholesky().toArray(), 1e-15);
        assertTensor(new int[] {2}, new double[] {0.5, 0}, spd.solve(Tensor.of(2, 1)));
        assertArrayEquals(new double[] {3.0 / 8, -2.0 / 8, -2.0 / 8, 4.0 / 8},
                spd.solve(Tensor.of(new double[][] {{1, 0}, {0, 1}})).toArray(), 1e-15);
        assertEquals(Math.log(8), spd.logdet().item(), 1e-15);
        // d logdet / dA = A⁻¹, d (bᵀ A⁻¹ b) / db = 2 A⁻¹ b
        assertArrayEquals(new double[] {3.0 / 8, -2.0 / 8, -2.0 / 8, 4.0 / 8},
                gradient(Tensor::logdet, spd).toArray(), 1e-15);
        assertArrayEquals(new double[] {1, 0},
                gradient(b -> b.dot(spd.solve(b)), Tensor.of(2, 1)).toArray(), 1e-15);
    }

    @Test
    void shapeOperations() {
        Tensor v = Tensor.of(1, 2, 3, 4, 5, 6);
        assertTensor(new int[] {2, 3}, new double[] {1, 2, 3, 4, 5, 6}, v.reshape(2, 3));
        assertTensor(new int[] {3, 2}, new double[] {1, 2, 3, 4, 5, 6}, v.reshape(-1, 2));
        assertTensor(new int[] {2, 2}, new double[] {2, 3, 5, 6}, M.slice(1, 1, 3));
        assertTensor(new int[] {1, 3}, new double[] {4, 5, 6}, M.slice(0, 1, 2));
        assertTensor(new int[] {2, 1}, new double[] {3, 6}, M.slice(-1, 2, 3));
        assertTensor(new int[] {0}, new double[] {}, v.slice(0, 2, 2));
        assertTensor(new int[] {3}, new double[] {4, 5, 6}, M.index(1));
        assertTensor(new int[] {}, new double[] {8}, Tensor.of(7, 8, 9).index(1));
        assertTensor(new int[] {3}, new double[] {1, 2, 3}, Tensor.concat(0, Tensor.of(1, 2), Tensor.of(3)));
        assertTensor(new int[] {2, 3}, new double[] {1, 3, 4, 2, 5, 6}, Tensor.concat(1,
                Tensor.of(new double[] {1, 2}, 2, 1), Tensor.of(new double[][] {{3, 4}, {5, 6}})));
        assertTensor(new int[] {2, 2}, new double[] {1, 2, 3, 4}, Tensor.stack(0, Tensor.of(1, 2), Tensor.of(3, 4)));
        assertTensor(new int[] {2, 2}, new double[] {1, 3, 2, 4}, Tensor.stack(1, Tensor.of(1, 2), Tensor.of(3, 4)));
        assertTensor(new int[] {2}, new double[] {1, 2}, Tensor.stack(0, Tensor.scalar(1), Tensor.scalar(2)));
        assertTensor(new int[] {3}, new double[] {1, 20, 3},
                Tensor.where(Tensor.of(1, 0, Double.NaN), Tensor.of(1, 2, 3), Tensor.of(10, 20, 30)));
        assertTensor(new int[] {2, 2}, new double[] {1, 2, 9, 9},
                Tensor.where(Tensor.of(new double[] {1, 0}, 2, 1), Tensor.of(1, 2), Tensor.scalar(9)));
        // gradients route back to the right places
        assertTensor(new int[] {2, 3}, new double[] {0, 1, 1, 0, 1, 1}, gradient(x -> x.slice(1, 1, 3).sum(), M));
        assertTensor(new int[] {2, 3}, new double[] {0, 0, 0, 1, 2, 3},
                gradient(x -> x.index(1).mul(Tensor.of(1, 2, 3)).sum(), M));
        JvmTensor a = JvmTensor.variable(new double[] {1, 2});
        JvmTensor b = JvmTensor.variable(new double[] {3});
        Tensor[] g = Autodiff.grad(Tensor.concat(0, a, b).mul(Tensor.of(5, 6, 7)).sum(), new Tensor[] {a, b}, false);
        assertArrayEquals(new double[] {5, 6}, g[0].toArray());
        assertArrayEquals(new double[] {7}, g[1].toArray());
        JvmTensor wa = JvmTensor.variable(new double[] {1, 2});
        JvmTensor wb = JvmTensor.variable(new double[] {0}, new int[0]);
        Tensor[] gw = Autodiff.grad(Tensor.where(Tensor.of(new double[] {1, 0}, 2, 1), wa, wb).sum(),
                new Tensor[] {wa, wb}, false);
        assertArrayEquals(new double[] {1, 1}, gw[0].toArray());
        assertArrayEquals(new double[] {2}, gw[1].toArray());
    }

    @Test
    void valuesAndDetach() {
        assertEquals(5.0, M.get(1, 1));
        assertEquals(2, M.rank());
        assertEquals(6, M.size());
        JvmTensor x = JvmTensor.variable(new double[] {1, 2});
        assertFalse(x.detach().requiresGrad());
        assertFalse(x.mul(2.0).detach().requiresGrad());
        // d/dx [stop(x)·x + e^stop(x)] = stop(x)
        assertTensor(new int[] {2}, new double[] {1, 2},
                Autodiff.grad(x.detach().mul(x).sum().add(x.detach().exp().sum()), x, false));
    }
}
