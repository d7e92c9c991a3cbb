#!/usr/bin/env python3
"""Computes the constant tables of gol's math/rand from the algorithms that define them.

Usage: gen_tables.py [--check GOROOT]

Writes, next to this script:
  cooked.inc         the 607 "cooked" values Go XORs into a freshly seeded generator state (C++);
  ziggurat.go.inc    the ziggurat tables of NormFloat64 and ExpFloat64 (Go source).

With --check, the results are compared with the tables in GOROOT/src/math/rand (they must be
equal to the bit, or seeded sequences would differ from Go's).

The cooked values. Go's generator is the additive lagged Fibonacci recurrence
    y[t] = y[t-273] + y[t-607]  (mod 2^64)
kept in a 607-slot ring. The cooked table is the ring after 7.8e12 steps from a state seeded with
1 by a simpler seeding scheme (Go's gen_cooked.go, which runs the steps one by one, for hours).
Here the steps are jumped over: the recurrence's characteristic polynomial is
    P(x) = x^607 - x^334 - 1,
and for a linear recurrence, y[k] = L(x^(k+606) mod P), where L maps x^i to the i-th of the 607
starting values. x^N mod P takes about 43 polynomial squarings, done as big-integer products
(Kronecker substitution) so the whole computation takes well under a second.

The ziggurats are Marsaglia and Tsang's ("The Ziggurat Method for Generating Random Variables",
J. Stat. Software 5(8), 2000): 128 layers for the normal density, 256 for the exponential one,
set up by the paper's recurrences with Go's constants.
"""
import math
import os
import re
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

LAGS = (607, 273)            # ring length and tap distance
STEPS = 7_800_000_000_000    # steps from the simple seeding to the cooked state
MOD = 1 << 64


def seed_step(x):
    """One step of the Park-Miller minimal standard generator (48271, 2^31-1), Schrage's form."""
    hi, lo = x // 44488, x % 44488   # x > 0, so Python's floor division is C's
    x = 48271 * lo - 3399 * hi
    return x + (2**31 - 1) if x < 0 else x


def simple_seeded_ring():
    """The ring gen_cooked.go starts from: seed 1, 20 discarded steps, then three steps per slot."""
    n = LAGS[0]
    x, ring = 1, []
    for i in range(-20, n):
        x = seed_step(x)
        if i >= 0:
            u = x << 20
            x = seed_step(x)
            u ^= x << 10
            x = seed_step(x)
            u ^= x
            ring.append(u % MOD)
    return ring


# Polynomials mod P over Z/2^64 as lists of 607 coefficients (index = power of x).
SLOT = 160  # bits per coefficient when packed: 607 products of two 64-bit numbers fit in 138


def pack(p):
    v = 0
    for c in reversed(p):
        v = (v << SLOT) | c
    return v


def unpack(v, n):
    mask = (1 << SLOT) - 1
    out = []
    for _ in range(n):
        out.append((v & mask) % MOD)
        v >>= SLOT
    return out


def reduce_mod_p(c):
    """Folds x^k (k >= 607) down with x^607 = x^334 + 1, highest powers first."""
    n, tap = LAGS
    c = list(c)
    for k in range(len(c) - 1, n - 1, -1):
        v = c[k]
        if v:
            c[k - tap] = (c[k - tap] + v) % MOD
            c[k - n] = (c[k - n] + v) % MOD
        c[k] = 0
    return c[:n]


def square_mod_p(p):
    return reduce_mod_p(unpack(pack(p) ** 2, 2 * len(p) - 1))


def times_x_mod_p(p):
    return reduce_mod_p([0] + p)


def x_power_mod_p(e):
    r = [1] + [0] * (LAGS[0] - 1)
    for bit in bin(e)[2:]:
        r = square_mod_p(r)
        if bit == '1':
            r = times_x_mod_p(r)
    return r


def cooked():
    n, tap = LAGS
    feed0 = n - tap  # the ring's write index starts here; both indices step downwards
    ring = simple_seeded_ring()
    # y[k] for k = -606..0 is the value the recurrence reads from slot (feed0 - k) mod n.
    start = [ring[(feed0 - (i - (n - 1))) % n] for i in range(n)]  # start[i] = y[i-606]
    out = [0] * n
    r = x_power_mod_p(STEPS)  # x^(k+606) for k = STEPS-606
    for k in range(STEPS - (n - 1), STEPS + 1):
        y = sum(a * b for a, b in zip(r, start)) % MOD
        out[(feed0 - k) % n] = y
        r = times_x_mod_p(r)
    return [v - MOD if v >= 1 << 63 else v for v in out]


def f32(x):
    return struct.unpack('f', struct.pack('f', x))[0]


def ziggurat(layers, r, area, density, inverse, scale):
    """k (uint32 acceptance thresholds), w (float32 widths), f (float32 densities) for one side of
    a decreasing density cut into `layers` equal-area layers whose base starts at r."""
    k, w, f = [0] * layers, [0.0] * layers, [0.0] * layers
    q = area / density(r)
    k[0] = int(r / q * scale)
    k[1] = 0
    w[0] = q / scale
    w[layers - 1] = r / scale
    f[0] = 1.0
    f[layers - 1] = density(r)
    x, prev = r, r
    for i in range(layers - 2, 0, -1):
        x = inverse(area / x + density(x))
        k[i + 1] = int(x / prev * scale)
        prev = x
        f[i] = density(x)
        w[i] = x / scale
    return k, [f32(v) for v in w], [f32(v) for v in f]


def normal_tables():
    return ziggurat(128, 3.442619855899, 9.91256303526217e-3, lambda x: math.exp(-0.5 * x * x),
                    lambda y: math.sqrt(-2.0 * math.log(y)), 2.0**31)


def exp_tables():
    return ziggurat(256, 7.697117470131487, 3.949659822581572e-3, lambda x: math.exp(-x),
                    lambda y: -math.log(y), 2.0**32)


def f32_literal(v):
    """The shortest decimal that reads back as the float32 v."""
    for digits in range(1, 10):
        s = '%.*g' % (digits, v)
        if f32(float(s)) == v:
            return s
    raise AssertionError(v)


def go_array(name, typ, values, fmt, per_line):
    lines = ['var %s = [%d]%s{' % (name, len(values), typ)]
    for i in range(0, len(values), per_line):
        lines.append('\t' + ', '.join(fmt(v) for v in values[i:i + per_line]) + ',')
    lines.append('}')
    return '\n'.join(lines)


def write_outputs(cook, normal, expo):
    with open(os.path.join(HERE, 'cooked.inc'), 'w') as out:
        out.write('// Generated by stdlib/math/rand/gen_tables.py: the generator ring after 7.8e12 steps\n')
        out.write('// from a simply seeded state (see the script). Do not edit.\n')
        for i in range(0, len(cook), 4):
            out.write('    ' + ' '.join('%d,' % v if v != -(1 << 63) else 'INT64_MIN,' for v in cook[i:i + 4]) + '\n')
    kn, wn, fn = normal
    ke, we, fe = expo
    arrays = [
        go_array('kn', 'uint32', kn, lambda v: '0x%x' % v, 5),
        go_array('wn', 'float32', wn, f32_literal, 4),
        go_array('fn', 'float32', fn, f32_literal, 4),
        go_array('ke', 'uint32', ke, lambda v: '0x%x' % v, 5),
        go_array('we', 'float32', we, f32_literal, 4),
        go_array('fe', 'float32', fe, f32_literal, 4),
    ]
    with open(os.path.join(HERE, 'ziggurat.go.inc'), 'w') as out:
        out.write('R"go(\n')
        out.write('// ---- gol: ziggurat tables, generated by stdlib/math/rand/gen_tables.py (do not edit)\n')
        out.write('// k: acceptance thresholds, w: layer widths scaled down by 2^31 (normal) or 2^32\n')
        out.write('// (exponential), f: the density at each layer\'s edge.\n\n')
        out.write('\n\n'.join(arrays) + '\n)go"\n')


def go_table(src, name):
    m = re.search(r'\b' + name + r'\s*(?:\[\w+\]int64)?\s*=\s*\[[^\]]*\]\w+\{([^}]*)\}', src)
    tokens = re.findall(r'[-+0-9.xa-fA-F]+(?:e[-+]?[0-9]+)?', m.group(1))
    return [int(t, 0) if t.startswith('0x') or not re.search('[.e]', t) else float(t) for t in tokens]


def check(goroot, cook, normal, expo):
    d = os.path.join(goroot, 'src', 'math', 'rand')
    rng = open(os.path.join(d, 'rng.go')).read()
    ok = go_table(rng, 'rngCooked') == cook
    print('rngCooked', 'equal' if ok else 'DIFFERENT')
    for fname, names, tables in (('normal.go', ('kn', 'wn', 'fn'), normal), ('exp.go', ('ke', 'we', 'fe'), expo)):
        src = open(os.path.join(d, fname)).read()
        for name, mine in zip(names, tables):
            theirs = go_table(src, name)
            if name[0] != 'k':
                theirs = [f32(v) for v in theirs]
            same = theirs == mine
            ok &= same
            print(name, 'equal' if same else 'DIFFERENT: %d entries' % sum(a != b for a, b in zip(theirs, mine)))
    return ok


def main():
    cook, normal, expo = cooked(), normal_tables(), exp_tables()
    if len(sys.argv) == 3 and sys.argv[1] == '--check':
        sys.exit(0 if check(sys.argv[2], cook, normal, expo) else 1)
    write_outputs(cook, normal, expo)


if __name__ == '__main__':
    main()
