#include "queue.h"   

int queue_push(struct queue *q, int v) {	
    if (q->len == q->cap) {  
        return -1;
    }
    q->items[q->len++] = v;
    return 0;
}