// The OCI runtime wrapper of the test bed's Docker engines (see main.go). Standard library only.
module labctl.local/testbed/runc-wrapper

go 1.24.0
