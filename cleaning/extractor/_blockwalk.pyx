# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""The block walk of ``cleaning/extractor/blocks.py`` (``_Builder``), compiled.

Same rules, same output, node for node: the pure-Python walk spends most of its time
on per-node Python work (a node object, its tag name, an attribute dict, a closure per
element). Here the tree is read straight from lexbor's structures (layout in
``_lexbor_layout.h``) and only text, blocks and containers become Python objects.
``cleaning/extractor/flatten.py`` configures this module and checks it against the Python walk
before using it; the parity tests compare the two on every test and bench page.
"""

from cpython.object cimport PyObject
from cpython.unicode cimport PyUnicode_DecodeUTF8
from libc.stdint cimport uintptr_t
from libc.stdlib cimport free, realloc
from libc.string cimport memcmp


cdef extern from "_lexbor_layout.h":
    ctypedef struct hc_str:
        unsigned char *data
        size_t length

    ctypedef struct hc_node:
        uintptr_t local_name
        hc_node *next
        hc_node *parent
        hc_node *first_child
        int type

    ctypedef struct hc_attr:
        hc_str *value
        hc_attr *next

    ctypedef struct hc_element:
        hc_attr *first_attr

    ctypedef struct hc_character_data:
        hc_str data

    int HC_NODE_TYPE_ELEMENT
    int HC_NODE_TYPE_TEXT
    int HC_ATTR_LAST_ENTRY
    int HC_TAG_LAST_ENTRY
    uintptr_t hc_attr_name_id(const hc_attr *attr)
    const unsigned char *hc_dynamic_attr_name(uintptr_t id, size_t *length)


# What an element is to the walk (by tag id).
cdef enum:
    K_INLINE = 0  # any other element: attributes checked, children walked
    K_SKIP = 1
    K_BR = 2
    K_BLOCK = 3
    K_PLAIN = 4  # formatting with no attribute that matters
    K_BOLD = 5
    K_LINK = 6
    K_IMG = 7

# Facts about block tags (bits).
cdef enum:
    F_LIST = 1
    F_ROW = 2
    F_PRE = 4
    F_BOILER = 8
    F_HEADER = 16
    F_ARTICLE = 32

# The attributes the walk reads.
cdef enum:
    A_OTHER = 0
    A_CLASS = 1
    A_ID = 2
    A_STYLE = 3
    A_HREF = 4
    A_HIDDEN = 5
    A_ARIA_HIDDEN = 6
    A_ITEMPROP = 7
    A_ROLE = 8
    A_REL = 9
    A_CONTENT_MARK = 10
    A_TYPE = 11
    A_COUNT = 12

# What to do after an element's children.
cdef enum:
    LEAVE_NOTHING = 0
    LEAVE_BLOCK = 1
    LEAVE_LINK = 2
    LEAVE_BOLD = 3

cdef enum:
    TABLE_SIZE = 256

cdef unsigned char TAG_KIND[TABLE_SIZE]
cdef unsigned char TAG_FLAGS[TABLE_SIZE]
cdef int TAG_HEADING[TABLE_SIZE]
cdef unsigned char STATIC_ATTR[TABLE_SIZE]
cdef list TAG_NAMES = [None] * TABLE_SIZE
cdef list DYNAMIC_NAMES = []  # the bytes DYNAMIC_NAME points into, kept alive
cdef enum:
    MAX_DYNAMIC = 16
cdef const unsigned char *DYNAMIC_NAME[MAX_DYNAMIC]  # names without a static id
cdef size_t DYNAMIC_LENGTH[MAX_DYNAMIC]
cdef int DYNAMIC_CODE[MAX_DYNAMIC]
cdef int DYNAMIC_COUNT = 0
cdef uintptr_t DIV_TAG = 0
cdef uintptr_t A_TAG = 0
cdef uintptr_t SCRIPT_TAG = 0
cdef int MAX_DEPTH = 256
cdef bint CONFIGURED = False

# Python helpers shared with the pure-Python walk (set by configure()).
cdef object Block = None
cdef object Container = None
cdef object Link = None
cdef object zero_width = None  # str.translate table of characters to drop
cdef object class_hints = None
cdef dict HINT_CACHE = {}  # hint -> class_hints(hint)
cdef Py_ssize_t MAX_CACHED_HINTS = 32768
cdef object pager_rel = None
cdef object hidden_style = None
cdef object content_mark = None
cdef tuple LINK_SCHEMES_IGNORED = ("javascript:", "#", "mailto:", "tel:")


# The attributes the walk reads, by name (``content_mark`` is added by configure()).
ATTRIBUTES_READ = {
    "class": A_CLASS,
    "id": A_ID,
    "style": A_STYLE,
    "href": A_HREF,
    "hidden": A_HIDDEN,
    "aria-hidden": A_ARIA_HIDDEN,
    "itemprop": A_ITEMPROP,
    "role": A_ROLE,
    "rel": A_REL,
    "type": A_TYPE,
}


def configure(
    tags,
    attributes,
    *,
    skip,
    block,
    plain,
    bold,
    headings,
    boiler,
    content_mark,
    int max_depth,
    block_type,
    container_type,
    link_type,
    zero_width_table,
    hints,
    rel_of,
    hidden,
):
    """Load the tables. ``tags``: {tag id: name} of every tag named in the sets;
    ``attributes``: {attribute id: name} of the static ids among the attributes read.
    The sets, ``headings`` and the Python helpers are those of cleaning/extractor/blocks.py;
    ``zero_width_table`` is the one of cleaning.extractor.textnorm.collapse_spaces."""
    global DIV_TAG, A_TAG, SCRIPT_TAG, MAX_DEPTH, CONFIGURED, DYNAMIC_COUNT
    global Block, Container, Link, zero_width, class_hints, hidden_style
    global pager_rel
    cdef int i, flags
    CONFIGURED = False
    codes = dict(ATTRIBUTES_READ, **{content_mark: A_CONTENT_MARK})
    for i in range(TABLE_SIZE):
        TAG_KIND[i] = K_INLINE
        TAG_FLAGS[i] = 0
        TAG_HEADING[i] = 0
        STATIC_ATTR[i] = A_OTHER
        TAG_NAMES[i] = None
    for tag_id, name in tags.items():
        if not 0 <= tag_id < min(<int> TABLE_SIZE, HC_TAG_LAST_ENTRY):
            raise ValueError(f"tag {name!r} has no static id ({tag_id})")
        TAG_NAMES[tag_id] = name
        if name in skip:
            TAG_KIND[tag_id] = K_SKIP
        elif name == "br":
            TAG_KIND[tag_id] = K_BR
        elif name in block:
            TAG_KIND[tag_id] = K_BLOCK
        elif name in bold:
            TAG_KIND[tag_id] = K_BOLD
        elif name in plain:
            TAG_KIND[tag_id] = K_PLAIN
        elif name == "a":
            TAG_KIND[tag_id] = K_LINK
        elif name == "img":
            TAG_KIND[tag_id] = K_IMG
        flags = 0
        if name in ("ul", "ol", "dl", "menu"):
            flags |= F_LIST
        if name == "tr":
            flags |= F_ROW
        if name == "pre":
            flags |= F_PRE
        if name in boiler:
            flags |= F_BOILER
        if name == "header":
            flags |= F_HEADER
        if name in ("article", "main"):
            flags |= F_ARTICLE
        TAG_FLAGS[tag_id] = flags
        TAG_HEADING[tag_id] = headings.get(name, 0)
        if name == "div":
            DIV_TAG = tag_id
        elif name == "a":
            A_TAG = tag_id
        elif name == "script":
            SCRIPT_TAG = tag_id
    for attr_id, name in attributes.items():
        if not 0 <= attr_id <= HC_ATTR_LAST_ENTRY:
            raise ValueError(f"attribute {name!r} has no static id ({attr_id})")
        STATIC_ATTR[attr_id] = codes[name]
    static_names = set(attributes.values())
    dynamic = [(name.encode(), code) for name, code in codes.items() if name not in static_names]
    if len(dynamic) > MAX_DYNAMIC:
        raise ValueError(f"{len(dynamic)} attributes without a static id")
    DYNAMIC_NAMES[:] = [name for name, _ in dynamic]
    DYNAMIC_COUNT = len(dynamic)
    for i in range(DYNAMIC_COUNT):
        DYNAMIC_NAME[i] = <const unsigned char *> (<bytes> DYNAMIC_NAMES[i])
        DYNAMIC_LENGTH[i] = len(<bytes> DYNAMIC_NAMES[i])
        DYNAMIC_CODE[i] = dynamic[i][1]
    MAX_DEPTH = max_depth
    Block, Container, Link = block_type, container_type, link_type
    zero_width, class_hints, hidden_style = zero_width_table, hints, hidden
    HINT_CACHE.clear()
    pager_rel = rel_of
    CONFIGURED = DIV_TAG != 0 and A_TAG != 0 and SCRIPT_TAG != 0


def attribute_ids(size_t element):
    """The name ids of an element's attributes, in order (for configure's probe)."""
    cdef hc_attr *attr = (<hc_element *> element).first_attr
    ids = []
    while attr != NULL:
        ids.append(hc_attr_name_id(attr))
        attr = attr.next
    return ids


cdef struct Attrs:
    bint any
    bint present[A_COUNT]
    hc_str *value[A_COUNT]  # NULL when the attribute has no value


cdef inline int attr_code(uintptr_t name_id):
    cdef size_t length = 0
    cdef const unsigned char *name
    cdef int i
    if name_id <= <uintptr_t> HC_ATTR_LAST_ENTRY:
        return STATIC_ATTR[name_id] if name_id < TABLE_SIZE else A_OTHER
    name = hc_dynamic_attr_name(name_id, &length)
    for i in range(DYNAMIC_COUNT):
        if DYNAMIC_LENGTH[i] == length and memcmp(DYNAMIC_NAME[i], name, length) == 0:
            return DYNAMIC_CODE[i]
    return A_OTHER


cdef void read_attrs(hc_node *node, Attrs *out):
    cdef hc_attr *attr = (<hc_element *> node).first_attr
    cdef int code, i
    for i in range(A_COUNT):
        out.present[i] = False
        out.value[i] = NULL
    out.any = attr != NULL
    while attr != NULL:
        code = attr_code(hc_attr_name_id(attr))
        out.present[code] = True
        out.value[code] = attr.value
        attr = attr.next


cdef str collapse_spaces(str text):
    """cleaning.extractor.textnorm.collapse_spaces, without a Python call per block."""
    if not text.isascii():
        text = text.translate(zero_width)
    return " ".join(text.split())


cdef inline str decode(const unsigned char *data, size_t length):
    return PyUnicode_DecodeUTF8(<const char *> data, length, "replace")


cdef str attr_text(Attrs *attrs, int code):
    """``attrs.get(name) or ""``."""
    cdef hc_str *value = attrs.value[code]
    if not attrs.present[code] or value == NULL or value.data == NULL or value.length == 0:
        return ""
    return decode(value.data, value.length)


cdef bint attr_equals(Attrs *attrs, int code, bytes expected):
    """``attrs.get(name) == expected`` for a non-empty ``expected``."""
    cdef hc_str *value = attrs.value[code]
    if not attrs.present[code] or value == NULL or value.data == NULL:
        return False
    return value.length == <size_t> len(expected) and memcmp(
        value.data, <const char *> expected, value.length
    ) == 0


cdef bint is_hidden(Attrs *attrs):
    """``"hidden" in attrs or _is_hidden(attrs)`` of the Python walk."""
    if attrs.present[A_HIDDEN]:
        return True
    style = attr_text(attrs, A_STYLE)
    return bool(style) and hidden_style.search(style) is not None


cdef bint attr_iequals(Attrs *attrs, int code, bytes expected):
    """``attrs.get(name)`` equals ``expected`` (lowercase ASCII), ignoring ASCII case:
    how lexbor compares a ``type`` in a CSS attribute selector."""
    cdef hc_str *value = attrs.value[code]
    cdef size_t i
    cdef unsigned char c
    cdef const unsigned char *want = <const unsigned char *> expected
    if not attrs.present[code] or value == NULL or value.data == NULL:
        return False
    if value.length != <size_t> len(expected):
        return False
    for i in range(value.length):
        c = value.data[i]
        if 65 <= c <= 90:
            c += 32
        if c != want[i]:
            return False
    return True


cdef inline bint has_word_at(const unsigned char *data, size_t length, size_t at, bytes word):
    cdef size_t i, n = len(word)
    cdef unsigned char c
    cdef const unsigned char *want = <const unsigned char *> word
    if at + n > length:
        return False
    for i in range(n):
        c = data[at + i]
        if 65 <= c <= 90:
            c += 32
        if c != want[i]:
            return False
    return True


cdef bint may_name_metadata(hc_str *value):
    """Whether a ``rel`` may hold "author" or "tag" once lowercased (a non-ASCII byte
    is left for Python's ``lower`` to judge)."""
    cdef size_t i
    if value == NULL or value.data == NULL:
        return False
    for i in range(value.length):
        if value.data[i] >= 128:
            return True
        if has_word_at(value.data, value.length, i, b"author") or has_word_at(
            value.data, value.length, i, b"tag"
        ):
            return True
    return False


cdef class Marks:
    """The elements ``metadata/dom.py`` asks for (``script[type=application/ld+json],
    [itemprop], a[rel]``), in document order, as ``(pointer, is_script, itemprop,
    rel)``: gathered while the walk reads their attributes anyway, so the metadata
    step needs no CSS query and no attribute dict of its own. Elements that cannot
    state anything (an empty ``itemprop``, a ``rel`` without "author" or "tag") are
    left out; the rest is judged in Python as before."""

    cdef readonly list found
    cdef Py_ssize_t hole_at  # len(found) when scan met its hole, -1 before

    def __cinit__(self):
        self.found = []
        self.hole_at = -1

    cdef void mark(self, hc_node *node, uintptr_t tag, Attrs *attrs) except *:
        # An element is found once per selector of the list it matches, as lexbor's
        # query gives it (an <a itemprop rel> twice).
        cdef str names
        cdef object rel = None
        cdef int times = 1
        if tag == SCRIPT_TAG:
            times = attrs.present[A_ITEMPROP] + attr_iequals(
                attrs, A_TYPE, b"application/ld+json"
            )
            for _ in range(times):
                self.found.append((<size_t> node, True, None, None))
            return
        names = attr_text(attrs, A_ITEMPROP) if attrs.present[A_ITEMPROP] else ""
        if tag == A_TAG and attrs.present[A_REL]:
            times += attrs.present[A_ITEMPROP]
            if may_name_metadata(attrs.value[A_REL]):
                rel = attr_text(attrs, A_REL)
        if names or rel:
            entry = (<size_t> node, False, names or None, rel)
            for _ in range(times):
                self.found.append(entry)

    cdef inline void mark_element(self, hc_node *node) except *:
        cdef Attrs attrs
        if (<hc_element *> node).first_attr != NULL:
            read_attrs(node, &attrs)
            self.mark(node, node.local_name, &attrs)

    cdef hc_node *scan(self, hc_node *root, hc_node *hole) except? NULL:
        """Mark the elements of ``root``'s subtree, ``root`` included, in document
        order, but not those of ``hole``'s (returns ``hole`` when it was met)."""
        cdef hc_node *node = root
        cdef hc_node *met = NULL
        while True:
            if node == hole:
                met = node
                self.hole_at = len(self.found)
            elif node.type == HC_NODE_TYPE_ELEMENT:
                self.mark_element(node)
            if node.first_child != NULL and node != hole:
                node = node.first_child
                continue
            while node != root and node.next == NULL:
                node = node.parent
            if node == root:
                return met
            node = node.next

    cdef void scan_children(self, hc_node *node) except *:
        cdef hc_node *child = node.first_child
        while child != NULL:
            self.scan(child, NULL)
            child = child.next


def marked_outside(size_t root, size_t body):
    """The marked elements of the document outside ``<body>`` (the ``<html>`` element,
    the ``<head>``, whatever follows the body), as ``(before, after)`` the body; None
    when the body is not under ``root``."""
    if not CONFIGURED:
        raise RuntimeError("cleaning.extractor._blockwalk is not configured")
    cdef Marks marks = Marks()
    if marks.scan(<hc_node *> root, <hc_node *> body) == NULL:
        return None
    # (the body itself, its attributes too, is the walk's)
    return marks.found[: marks.hole_at], marks.found[marks.hole_at :]


cdef struct Frame:
    hc_node *node
    int kind
    # LEAVE_BLOCK: the state to restore
    Py_ssize_t current
    uintptr_t block_tag
    int heading
    Py_ssize_t list_id
    Py_ssize_t row_id
    bint pre
    Py_ssize_t opened  # the container this block element opened, -1 when none
    # LEAVE_LINK
    bint usable
    Py_ssize_t outer_start


cdef class Walk:
    """One page's walk; ``run`` returns (blocks, containers) like ``_Builder``."""

    cdef list blocks, containers, parts, lead_bold, links, link_objects
    cdef Py_ssize_t link_chars, bold_chars
    cdef bint lead_open
    cdef int link_depth, bold_depth, pre_depth, heading
    cdef object open_href  # the innermost open link's href, None when none
    cdef object open_rel  # and its pager rel ("prev", "next" or "")
    cdef Py_ssize_t open_start  # where its text starts in parts
    cdef Py_ssize_t current, list_id, row_id
    cdef uintptr_t block_tag
    # per container, by index
    cdef int *depth
    cdef unsigned char *boiler
    cdef unsigned char *article
    cdef Py_ssize_t capacity
    cdef Frame *frames
    cdef Py_ssize_t nframes, frame_capacity
    cdef Marks marks  # None unless run(collect=True)

    def __cinit__(self):
        self.depth = NULL
        self.boiler = NULL
        self.article = NULL
        self.frames = NULL

    def __dealloc__(self):
        free(self.depth)
        free(self.boiler)
        free(self.article)
        free(self.frames)

    @property
    def marked(self):
        """The metadata's elements of the body (``Marks``), after ``run(collect=True)``."""
        return None if self.marks is None else self.marks.found

    def run(self, size_t body, bint collect=False):
        if not CONFIGURED:
            raise RuntimeError("cleaning.extractor._blockwalk is not configured")
        self.marks = Marks() if collect else None
        if collect:
            self.marks.mark_element(<hc_node *> body)
        self.blocks = []
        self.containers = [Container("root", -1, False, False)]
        self.parts = []
        self.lead_bold = []
        self.links = []
        self.link_objects = []
        self.link_chars = self.bold_chars = 0
        self.lead_open = True
        self.link_depth = self.bold_depth = self.pre_depth = self.heading = 0
        self.open_href = None
        self.open_rel = ""
        self.open_start = 0
        self.current = self.list_id = self.row_id = 0
        self.block_tag = DIV_TAG
        self.grow_containers(64)
        self.depth[0] = 0
        self.boiler[0] = False
        self.article[0] = False
        self.nframes = 0
        self.walk(<hc_node *> body)
        self.flush()
        (<object> self.containers[0]).end = len(self.containers)
        return self.blocks, self.containers

    cdef void grow_containers(self, Py_ssize_t needed) except *:
        cdef Py_ssize_t capacity = max(needed, self.capacity * 2)
        if needed <= self.capacity:
            return
        self.depth = <int *> realloc(self.depth, capacity * sizeof(int))
        self.boiler = <unsigned char *> realloc(self.boiler, capacity)
        self.article = <unsigned char *> realloc(self.article, capacity)
        if self.depth == NULL or self.boiler == NULL or self.article == NULL:
            raise MemoryError()
        self.capacity = capacity

    cdef Frame *push(self, hc_node *node, int kind) except NULL:
        cdef Py_ssize_t capacity
        if self.nframes == self.frame_capacity:
            capacity = max(64, self.frame_capacity * 2)
            self.frames = <Frame *> realloc(self.frames, capacity * sizeof(Frame))
            if self.frames == NULL:
                raise MemoryError()
            self.frame_capacity = capacity
        cdef Frame *frame = &self.frames[self.nframes]
        self.nframes += 1
        frame.node = node
        frame.kind = kind
        return frame

    # -- block boundaries -------------------------------------------------
    cdef void flush(self) except *:
        cdef str raw, text
        if not self.parts:
            return
        raw = "".join(self.parts)
        if self.open_href is not None:
            text = collapse_spaces("".join(self.parts[self.open_start:]))
            if text:
                self.links.append(Link(text, self.open_href, self.open_rel))
            self.open_start = 0  # what follows in the link is the next block's
        self.parts = []
        pre = self.pre_depth > 0
        text = raw.strip("\n") if pre else collapse_spaces(raw)
        if text.strip():
            self.blocks.append(
                Block(
                    text,
                    TAG_NAMES[self.block_tag],
                    self.current,
                    min(self.link_chars, len(text)),
                    min(self.bold_chars, len(text)),
                    collapse_spaces("".join(self.lead_bold)) if self.lead_bold else "",
                    self.links,
                    self.heading,
                    self.list_id,
                    self.row_id,
                    bool(self.boiler[self.current]),
                    pre,
                )
            )
        self.link_chars = 0
        self.bold_chars = 0
        self.lead_bold = []
        self.lead_open = True
        self.links = []

    cdef void add_text(self, str text) except *:
        cdef Py_ssize_t n
        self.parts.append(text)
        if self.lead_open:
            if self.bold_depth:
                self.lead_bold.append(text)
            elif text.strip():
                self.lead_open = False
        if self.link_depth or self.bold_depth:
            n = len(text.strip())
            if self.link_depth:
                self.link_chars += n
            if self.bold_depth:
                self.bold_chars += n

    # -- the walk ---------------------------------------------------------
    cdef void walk(self, hc_node *root) except *:
        cdef hc_node *node = root.first_child
        cdef hc_character_data *data
        cdef uintptr_t tag
        cdef int kind
        cdef bint descend
        cdef Attrs attrs
        cdef Frame *frame
        cdef str text
        while True:
            while node != NULL:
                if node.type == HC_NODE_TYPE_TEXT:
                    data = <hc_character_data *> node
                    if data.data.data != NULL and data.data.length:
                        text = decode(data.data.data, data.data.length)
                        if self.lead_open or self.link_depth or self.bold_depth:
                            self.add_text(text)
                        else:
                            self.parts.append(text)
                    node = node.next
                    continue
                if node.type != HC_NODE_TYPE_ELEMENT:
                    node = node.next
                    continue
                tag = node.local_name
                kind = TAG_KIND[tag] if tag < TABLE_SIZE else K_INLINE
                descend = False
                if kind == K_SKIP:
                    if self.marks is not None:
                        self.marks.scan(node, NULL)
                elif kind == K_BR:
                    if self.marks is not None:
                        self.marks.scan(node, NULL)
                    if self.pre_depth:
                        self.parts.append("\n")
                    elif self.heading:  # one heading set on two lines
                        self.parts.append(" ")
                    else:
                        self.flush()
                elif kind == K_BLOCK:
                    descend = self.enter_block(node, tag)
                elif kind == K_PLAIN:
                    if self.marks is not None:
                        self.marks.mark_element(node)
                    self.push(node, LEAVE_NOTHING)
                    descend = True
                elif kind == K_BOLD:
                    if self.marks is not None:
                        self.marks.mark_element(node)
                    self.bold_depth += 1
                    self.push(node, LEAVE_BOLD)
                    descend = True
                else:
                    read_attrs(node, &attrs)
                    if not is_hidden(&attrs):
                        if self.marks is not None:
                            self.marks.mark(node, tag, &attrs)
                            if kind == K_IMG:  # (not walked: an image has no text)
                                self.marks.scan_children(node)
                        if kind == K_LINK:
                            self.enter_link(node, &attrs)
                            descend = True
                        elif kind != K_IMG:
                            self.push(node, LEAVE_NOTHING)
                            descend = True
                    elif self.marks is not None:
                        self.marks.scan(node, NULL)
                node = node.first_child if descend else node.next
            if self.nframes == 0:
                return
            self.nframes -= 1
            frame = &self.frames[self.nframes]
            if frame.kind == LEAVE_BLOCK:
                self.leave_block(frame)
            elif frame.kind == LEAVE_LINK:
                self.leave_link(frame)
            elif frame.kind == LEAVE_BOLD:
                self.bold_depth -= 1
                if self.bold_depth == 0 and self.lead_bold:
                    self.lead_open = False  # the leading bold run is over
            node = frame.node.next

    cdef void enter_link(self, hc_node *node, Attrs *attrs) except *:
        href = attr_text(attrs, A_HREF).strip()
        usable = bool(href) and not href.startswith(LINK_SCHEMES_IGNORED)
        rel = pager_rel(attr_text(attrs, A_REL)) if attrs.present[A_REL] else ""
        cdef Frame *frame = self.push(node, LEAVE_LINK)
        frame.usable = usable
        frame.outer_start = self.open_start
        self.link_objects.append((self.open_href, href, self.open_rel, rel))
        if usable:
            self.open_href = href
            self.open_rel = rel
            self.open_start = len(self.parts)
        self.link_depth += 1

    cdef void leave_link(self, Frame *frame) except *:
        outer_href, href, outer_rel, rel = self.link_objects.pop()
        self.link_depth -= 1
        if frame.usable and self.open_href is not None:
            text = collapse_spaces("".join(self.parts[self.open_start:]))
            if text:
                self.links.append(Link(text, href, rel))
        self.open_href = outer_href
        self.open_rel = outer_rel
        self.open_start = frame.outer_start

    cdef bint enter_block(self, hc_node *node, uintptr_t tag) except -1:
        cdef Attrs attrs
        cdef Frame *frame
        cdef int flags = TAG_FLAGS[tag]
        read_attrs(node, &attrs)
        if attrs.any and (is_hidden(&attrs) or attr_equals(&attrs, A_ARIA_HIDDEN, b"true")):
            if self.marks is not None:
                self.marks.scan(node, NULL)
            return False
        if self.marks is not None and attrs.any:
            self.marks.mark(node, tag, &attrs)
        if self.parts:
            self.flush()
        frame = self.push(node, LEAVE_BLOCK)
        frame.current = self.current
        frame.block_tag = self.block_tag
        frame.heading = self.heading
        frame.list_id = self.list_id
        frame.row_id = self.row_id
        frame.pre = (flags & F_PRE) != 0
        frame.opened = -1
        if self.depth[self.current] < MAX_DEPTH:
            self.open_container(&attrs, tag, flags)
            frame.opened = self.current
        self.block_tag = tag
        if TAG_HEADING[tag]:
            self.heading = TAG_HEADING[tag]
        elif flags & F_LIST:
            self.list_id = self.current
        elif flags & F_ROW:
            self.row_id = self.current
        if frame.pre:
            self.pre_depth += 1
        return True

    cdef void leave_block(self, Frame *frame) except *:
        if self.parts:
            self.flush()
        if frame.pre:
            self.pre_depth -= 1
        if frame.opened >= 0:
            (<object> self.containers[frame.opened]).end = len(self.containers)
        self.current = frame.current
        self.block_tag = frame.block_tag
        self.heading = frame.heading
        self.list_id = frame.list_id
        self.row_id = frame.row_id

    cdef void open_container(self, Attrs *attrs, uintptr_t tag, int flags) except *:
        cdef Py_ssize_t parent = self.current
        cdef bint boiler = self.boiler[parent] or (flags & F_BOILER) != 0
        cdef bint article_hint = (flags & F_ARTICLE) != 0
        cdef bint hinted = False, forced = False, article_word, boiler_word
        cdef Py_ssize_t index
        kinds = 0
        if flags & F_HEADER and not self.article[parent]:
            boiler = True
        if attrs.any:
            # blocks.container_hint, inline
            hint = f"{attr_text(attrs, A_CLASS)} {attr_text(attrs, A_ID)} {attr_text(attrs, A_ROLE)}".strip()
            if hint:
                # A dict in C before the Python call: most of a page's hints repeat.
                hints = HINT_CACHE.get(hint)
                if hints is None:
                    hints = class_hints(hint)
                    if len(HINT_CACHE) >= MAX_CACHED_HINTS:
                        HINT_CACHE.clear()
                    HINT_CACHE[hint] = hints
                article_word, boiler_word, kinds = hints
            else:
                article_word = boiler_word = False
            article_hint = (
                article_hint
                or attr_equals(attrs, A_ITEMPROP, b"articleBody")
                or article_word
            )
            hinted = boiler_word and not article_hint
            forced = attrs.present[A_CONTENT_MARK]
            if forced:
                boiler = hinted = False
        self.containers.append(
            Container(
                TAG_NAMES[tag],
                parent,
                boiler,
                article_hint,
                hinted,
                forced,
                kinds,
                self.depth[parent] + 1,
            )
        )
        index = len(self.containers) - 1
        self.grow_containers(index + 1)
        self.depth[index] = self.depth[parent] + 1
        self.boiler[index] = boiler
        self.article[index] = article_hint
        self.current = index


ATTR_LAST_ENTRY = HC_ATTR_LAST_ENTRY  # attribute ids up to this one are static


cdef extern from *:
    """
    /* selectolax.lexbor.LexborNode (1.0.2), up to the lexbor node it views */
    typedef struct {
        PyObject_HEAD
        void *vtab;
        void *node;
    } hc_lexbor_node;
    """
    ctypedef struct hc_lexbor_node:
        void *node


def nodes_at(object like, list pointers):
    """Nodes of ``like``'s parser viewing the elements at ``pointers`` (of ``Marks``):
    the objects its ``css`` would have built. (selectolax has no public constructor;
    ``cleaning/extractor/metadata/dom.py`` checks the layout before using this.)"""
    cdef type kind = type(like)
    cdef object node
    parser = like.parser
    found = []
    for pointer in pointers:
        node = kind.__new__(kind)
        node.parser = parser
        (<hc_lexbor_node *> <PyObject *> node).node = <void *> <size_t> pointer
        found.append(node)
    return found
