package errors

import "io/ioutil"

func readAll(path string) ([]byte, error) { return ioutil.ReadFile(path) }
