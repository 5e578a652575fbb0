package store

import (
	"bytes"
	"io/ioutil"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestSnapshotRoundTrip(t *testing.T) {
	f, err := ioutil.TempFile(t.TempDir(), "snapshot-*.db")
	require.NoError(t, err)
	defer f.Close()

	s := New(f)
	require.NoError(t, s.Put("k", []byte("v")))
	got, err := ioutil.ReadAll(bytes.NewReader(s.Dump()))
	require.NoError(t, err)
	require.Contains(t, string(got), "k=v")
}
