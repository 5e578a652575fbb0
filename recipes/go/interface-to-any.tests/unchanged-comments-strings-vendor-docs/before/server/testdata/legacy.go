package legacy

// A golden input for a code generator test: must keep its exact bytes.
var Values = []interface{}{1, 2, 3}
