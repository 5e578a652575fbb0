// Copyright 2019-2025 Acme Corp

#include "ring.h"

size_t ring_free(const struct ring *r) {
    return r->capacity - r->used;
}
