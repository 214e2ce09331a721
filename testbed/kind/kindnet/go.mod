// kindnet for the offline kind node image: labctl's own small stand-in for kindnetd (see main.go).
// Standard library only.
module labctl.local/testbed/kind/kindnet

go 1.24.0
