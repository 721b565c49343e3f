"""Makes dtypes.npz: one small array of each dtype NpyArray reads beyond float64/int64/int32, as NumPy
writes them (savez_compressed, so the members are deflated). Run with /usr/bin/python3 (python3-numpy):

    /usr/bin/python3 make_dtypes.py
"""
import numpy as np

np.savez_compressed("dtypes.npz",
    f4=np.array([[1.5, -2.25], [3.0, 1e-3]], dtype=np.float32),
    i1=np.array([-128, 0, 127], dtype=np.int8),
    u1=np.array([0, 200, 255], dtype=np.uint8),
    i2=np.array([-32768, 7, 32767], dtype=np.int16),
    u2=np.array([0, 65535], dtype=np.uint16),
    u4=np.array([4294967295, 1], dtype=np.uint32),
    u8=np.array([2**63 - 1, 0], dtype=np.uint64),
    names=np.array(["Fp1", "CPz", "\u00e9l\u00e9ctrode"]),
    raw=np.array([b"AF3", b"T7"]),
    fortran=np.asfortranarray(np.arange(6, dtype=np.int16).reshape(2, 3)))
