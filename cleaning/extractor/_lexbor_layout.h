/*
 * The few lexbor DOM structures the compiled block walk reads, copied field for field
 * from lexbor as bundled in selectolax 1.0.2 (lexbor/source/lexbor/dom/interfaces/
 * node.h, element.h, attr.h, character_data.h, core/str.h, core/hash.h, attr_const.h;
 * lexbor is Apache-2.0, (C) Alexander Borisov). selectolax's wheel ships no lexbor
 * headers, so the walk declares the layout itself; cleaning/fastwalk.py checks it
 * against selectolax's own answers on a probe page before the walk is ever used.
 */
#ifndef HEALTHCORPUS_LEXBOR_LAYOUT_H
#define HEALTHCORPUS_LEXBOR_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

#define HC_NODE_TYPE_ELEMENT 0x01
#define HC_NODE_TYPE_TEXT 0x03
#define HC_HASH_SHORT_SIZE 16 /* LEXBOR_HASH_SHORT_SIZE */
#define HC_ATTR_LAST_ENTRY 0x0049 /* LXB_DOM_ATTR__LAST_ENTRY */
#define HC_TAG_LAST_ENTRY 0x00c7 /* LXB_TAG__LAST_ENTRY */

typedef struct hc_node hc_node;
typedef struct hc_attr hc_attr;

typedef struct {
    unsigned char *data;
    size_t length;
} hc_str; /* lexbor_str_t */

struct hc_node { /* lxb_dom_node_t */
    void *events; /* lxb_dom_event_target_t */
    uintptr_t local_name; /* the tag id of an element */
    uintptr_t prefix;
    uintptr_t ns;
    void *owner_document;
    hc_node *next;
    hc_node *prev;
    hc_node *parent;
    hc_node *first_child;
    hc_node *last_child;
    void *user;
    int type; /* lxb_dom_node_type_t */
};

typedef struct { /* lxb_dom_element_t, up to the attribute list */
    hc_node node;
    uintptr_t upper_name;
    uintptr_t qualified_name;
    hc_str *is_value;
    hc_attr *first_attr;
    hc_attr *last_attr;
} hc_element;

struct hc_attr { /* lxb_dom_attr_t */
    hc_node node;
    uintptr_t upper_name;
    uintptr_t qualified_name;
    hc_str *value;
    hc_element *owner;
    hc_attr *next;
    hc_attr *prev;
};

typedef struct { /* lxb_dom_character_data_t (text nodes) */
    hc_node node;
    hc_str data;
} hc_character_data;

typedef struct { /* lexbor_hash_entry_t: the head of lxb_dom_attr_data_t */
    union {
        unsigned char *long_str;
        unsigned char short_str[HC_HASH_SHORT_SIZE + 1];
    } u;
    size_t length;
} hc_hash_entry;

/* The name id of an attribute, as lxb_dom_attr_qualified_name() picks it. */
static inline uintptr_t hc_attr_name_id(const hc_attr *attr) {
    return attr->qualified_name != 0 ? attr->qualified_name : attr->node.local_name;
}

/* The name of an attribute lexbor does not know statically (its id is the address of
 * its hash entry); NULL for a static id. */
static inline const unsigned char *hc_dynamic_attr_name(uintptr_t id, size_t *length) {
    const hc_hash_entry *entry;
    if (id <= HC_ATTR_LAST_ENTRY) {
        return NULL;
    }
    entry = (const hc_hash_entry *) id;
    *length = entry->length;
    return entry->length <= HC_HASH_SHORT_SIZE ? entry->u.short_str : entry->u.long_str;
}

#endif
