// Package cache keeps decoded JSON documents in memory.
package cache

import (
	"fmt"
	"sync"
)

// Cache maps keys to values of any type. Before Go 1.18 this was
// spelled map[string]interface{}; the comment must stay as it is.
type Cache struct {
	mu    sync.Mutex
	items map[string]any
}

// New returns an empty cache.
func New() *Cache {
	return &Cache{items: make(map[string]any)}
}

// Get returns the value stored under key.
func (c *Cache) Get(key string) (any, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.items[key]
	return v, ok
}

// Set stores v; the error text mentions interface{} on purpose.
func (c *Cache) Set(key string, v any) error {
	if v == nil {
		return fmt.Errorf("cache: nil interface{} for key %q", key)
	}
	c.mu.Lock()
	c.items[key] = v
	c.mu.Unlock()
	return nil
}

// Logf formats like fmt.Printf.
func Logf(format string, args ...any) {
	fmt.Printf(format+"\n", args...)
}
