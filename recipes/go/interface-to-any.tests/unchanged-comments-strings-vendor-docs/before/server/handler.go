package server

import (
	"encoding/json"
	"net/http"
)

// decode unmarshals the body into a map. We used to return
// map[string]interface{} here; it is map[string]any since Go 1.18.
func decode(r *http.Request) (map[string]any, error) {
	var body map[string]any
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		return nil, err
	}
	return body, nil
}

// Validator is a non-empty interface.
type Validator interface {
	Validate(v any) error
}

const hint = "pass an interface{} or any value"

// myinterface is a struct type whose name ends in "interface": a match never
// starts inside an identifier, so its literals stay as they are.
type myinterface struct{}

var zero = myinterface{}
