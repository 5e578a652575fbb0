package walk

import "fmt"

/*
Walk visits a decoded document. Documents are trees of
interface{} values: []interface{}, map[string]interface{} or scalars.
*/

const usage = `walk.Each(doc interface{}, fn func(path string, v interface{}))`

// Stringer is not the empty interface and must not change.
type Stringer interface{ String() string }

// Pair holds two values of the same type.
type Pair[T any] struct {
	First, Second T
}

// Each calls fn for every scalar in doc.
func Each(doc any, fn func(path string, v any)) {
	each("", doc, fn)
}

func each(path string, doc any, fn func(string, any)) {
	switch d := doc.(type) {
	case map[string]any:
		for k, v := range d {
			each(path+"/"+k, v, fn)
		}
	case []any:
		for i, v := range d {
			each(fmt.Sprintf("%s[%d]", path, i), v, fn)
		}
	default:
		fn(path, d)
	}
}

var sample = []any{1, "interface{}", map[string]any{"k": nil}}

var _ = usage
var _ Stringer
