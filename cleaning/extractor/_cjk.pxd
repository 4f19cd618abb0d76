# The CJK characters of cleaning.extractor.textnorm._CJK, for the compiled walks: kana,
# CJK ideographs (and extension A), compatibility ideographs, hangul syllables.

cdef inline bint is_cjk(Py_UCS4 ch):
    return (
        (0x3040 <= ch <= 0x30FF)
        or (0x3400 <= ch <= 0x4DBF)
        or (0x4E00 <= ch <= 0x9FFF)
        or (0xF900 <= ch <= 0xFAFF)
        or (0xAC00 <= ch <= 0xD7AF)
    )


cdef inline Py_ssize_t latin_length(str text, Py_ssize_t cjk_letters):
    """textnorm.latin_length: each CJK character counts as ``cjk_letters``."""
    cdef Py_ssize_t n = len(text), total = n, i
    for i in range(n):
        if is_cjk(text[i]):
            total += cjk_letters - 1
    return total
