"""
Reference values for the extreme finance cases in tests/unit/roi/finance-extremes.test.ts.

Each value is the spreadsheet definition (Excel's and LibreOffice's documented equations)
evaluated in 600-digit decimal arithmetic with mpmath, so the cancellation that breaks the
double-precision textbook form cannot occur. Nothing here shares code with src/lib/roi.

    python3 tests/unit/roi/reference/finance-extremes.py
"""
from mpmath import mp, mpf, power

mp.dps = 600  # (1.9)^1200 is about 1e334: the digits must outnumber it


def fv(r, n, pmt, pv, w=0):
    # Excel FV: fv + pv(1+r)^n + pmt(1+rw)((1+r)^n - 1)/r = 0
    g = power(1 + r, n)
    return -(pv * g + pmt * (1 + r * w) * (g - 1) / r)


def pmt(r, n, pv, fvv=0, w=0):
    g = power(1 + r, n)
    return -(fvv + pv * g) * r / ((1 + r * w) * (g - 1))


def ipmt(r, per, n, pv, fvv=0, w=0):
    p = pmt(r, n, pv, fvv, w)
    interest = fv(r, per - 1, p, pv, w) * r
    if w == 1:
        return mpf(0) if per == 1 else interest / (1 + r)
    return interest


def ppmt(r, per, n, pv, fvv=0, w=0):
    return pmt(r, n, pv, fvv, w) - ipmt(r, per, n, pv, fvv, w)


def bisect(f, low, high):
    # Plain bisection in 600-digit arithmetic on a bracket where f changes sign.
    flow = f(low)
    assert (flow > 0) != (f(high) > 0), "no sign change on the bracket"
    for _ in range(400):
        mid = (low + high) / 2
        fm = f(mid)
        if (fm > 0) == (flow > 0):
            low, flow = mid, fm
        else:
            high = mid
    return (low + high) / 2


def show(name, value):
    print(f"{name} = {mp.nstr(value, 17)}")


r = mpf("0.275938")
show("IPMT(0.275938, 255, 360, -2403.65)", ipmt(r, 255, 360, mpf("-2403.65")))
show("PPMT(0.275938, 255, 360, -2403.65)", ppmt(r, 255, 360, mpf("-2403.65")))
show("IPMT(0.275938, 1, 360, -2403.65)", ipmt(r, 1, 360, mpf("-2403.65")))
show("PPMT(0.275938, 360, 360, -2403.65)", ppmt(r, 360, 360, mpf("-2403.65")))
show("IPMT(0.5, 150, 200, 1000, 0, 1)", ipmt(mpf("0.5"), 150, 200, mpf(1000), 0, 1))
show("PPMT(0.5, 150, 200, 1000, 0, 1)", ppmt(mpf("0.5"), 150, 200, mpf(1000), 0, 1))
show("IPMT(0.9, 1000, 1200, 50000, 20000)", ipmt(mpf("0.9"), 1000, 1200, mpf(50000), mpf(20000)))
show("PPMT(0.9, 1000, 1200, 50000, 20000)", ppmt(mpf("0.9"), 1000, 1200, mpf(50000), mpf(20000)))
show("IPMT(-0.3, 40, 60, 1000)", ipmt(mpf("-0.3"), 40, 60, mpf(1000)))
show("PPMT(-0.3, 40, 60, 1000)", ppmt(mpf("-0.3"), 40, 60, mpf(1000)))

# XIRR: Actual/365 from 2013-03-12 to 2013-12-22 is 285 days.
t = mpf(285) / 365
show("XIRR([-5345.41, 128.07], 285 days)", power(mpf("128.07") / mpf("5345.41"), 1 / t) - 1)
# Three dated flows, root below -99 %: days 0, 100, 400.
f3 = lambda x: -10000 + mpf(1) / power(1 + x, mpf(100) / 365) + mpf(2) / power(1 + x, mpf(400) / 365)
show("XIRR([-10000, 1, 2], [0, 100, 400] days)", bisect(f3, mpf(-1) + mpf("1e-30"), mpf("-0.99")))

# IRR roots in (-100 %, -99 %]
show("IRR([-100, 0.5])", mpf("0.5") / 100 - 1)
x = (-1 + mp.sqrt(1 + 4 * 100000)) / 2  # -100000 + x + x^2 = 0 with x = 1/(1+r)
show("IRR([-100000, 1, 1])", 1 / x - 1)
show("IRR([-1, 0, 0, 1e-9])", power(mpf("1e-9"), mpf(1) / 3) - 1)


# RATE where Newton's method from 10 % fails
def rate_eq(n, p, pv, fvv=0, w=0):
    return lambda r: fvv + pv * power(1 + r, n) + p * (1 + r * w) * (power(1 + r, n) - 1) / r


show("RATE(10, -1000, 100)", bisect(rate_eq(10, -1000, 100), mpf(1), mpf(100)))
show("RATE(12, -5000, 100)", bisect(rate_eq(12, -5000, 100), mpf(1), mpf(100)))
show("RATE(360, -1000, 1000)", bisect(rate_eq(360, -1000, 1000), mpf("0.5"), mpf("1.5")))
show("RATE(40, 0, -1, 1e30)", power(mpf("1e30"), mpf(1) / 40) - 1)
show("RATE(10, -1000, 2000, 0, 1)", bisect(rate_eq(10, -1000, 2000, 0, 1), mpf("0.5"), mpf(2)))
show("RATE(24, -1, 100)", bisect(rate_eq(24, -1, 100), mpf("-0.5"), mpf("-0.01")))
