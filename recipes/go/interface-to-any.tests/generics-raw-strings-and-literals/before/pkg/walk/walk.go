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
type Pair[T interface{}] struct {
	First, Second T
}

// Each calls fn for every scalar in doc.
func Each(doc interface{}, fn func(path string, v interface{})) {
	each("", doc, fn)
}

func each(path string, doc interface{}, fn func(string, interface{})) {
	switch d := doc.(type) {
	case map[string]interface{}:
		for k, v := range d {
			each(path+"/"+k, v, fn)
		}
	case []interface{}:
		for i, v := range d {
			each(fmt.Sprintf("%s[%d]", path, i), v, fn)
		}
	default:
		fn(path, d)
	}
}

var sample = []interface{}{1, "interface{}", map[string]interface{}{"k": nil}}

var _ = usage
var _ Stringer
