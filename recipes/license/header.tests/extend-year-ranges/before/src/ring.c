// Copyright 2019-2023 Acme Corp

#include "ring.h"

size_t ring_free(const struct ring *r) {
    return r->capacity - r->used;
}
