//go:build tools

// Package tools only records etcd as a dependency for `go mod tidy`; the binary is built from
// go.etcd.io/etcd/server/v3 itself (see testbed/kind/build).
package tools

import _ "go.etcd.io/etcd/server/v3"
