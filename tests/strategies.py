"""Hypothesis strategies for logits: wide ranges, every float dtype, any batch shape."""

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

# Largest magnitude that is safe per dtype (finite after any subtraction would not matter:
# the helpers cope with -inf differences, scipy is only compared where it is finite).
LIMITS = {np.float16: 6e4, np.float32: 1e30, np.float64: 1e300}


@st.composite
def logits(draw, dtypes=(np.float16, np.float32, np.float64), max_dims=3, scale=None):
    """Arrays of logits with 1..max_dims dimensions, the class axis last."""
    dtype = draw(st.sampled_from(dtypes))
    limit = scale if scale is not None else draw(st.sampled_from([1.0, 30.0, 1e3, LIMITS[dtype]]))
    shape = draw(hnp.array_shapes(min_dims=1, max_dims=max_dims, min_side=1, max_side=6))
    elements = st.floats(-limit, limit, allow_nan=False, allow_infinity=False, width=64)
    values = draw(hnp.arrays(np.float64, shape, elements=elements))
    return values.astype(dtype)
