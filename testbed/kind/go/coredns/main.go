// CoreDNS v1.12.1 (the version kubeadm v1.34.4 deploys) with the plugins a kind cluster's Corefile uses, and a
// few a lab may add, compiled in. CoreDNS's own build links every plugin it has, including the cloud DNS
// providers' SDKs and tracing, which is most of its build time here; the plugin list and their order follow
// core/dnsserver/zdirectives.go of v1.12.1 (this is how CoreDNS documents a custom build). The code of each
// plugin is CoreDNS's, unchanged.
package main

import (
	"github.com/coredns/coredns/core/dnsserver"
	"github.com/coredns/coredns/coremain"

	// kubeadm's Corefile: errors, health, ready, kubernetes, prometheus, forward, cache, loop, reload, loadbalance.
	_ "github.com/coredns/coredns/plugin/bind"
	_ "github.com/coredns/coredns/plugin/cache"
	_ "github.com/coredns/coredns/plugin/errors"
	_ "github.com/coredns/coredns/plugin/forward"
	_ "github.com/coredns/coredns/plugin/health"
	_ "github.com/coredns/coredns/plugin/hosts"
	_ "github.com/coredns/coredns/plugin/kubernetes"
	_ "github.com/coredns/coredns/plugin/loadbalance"
	_ "github.com/coredns/coredns/plugin/log"
	_ "github.com/coredns/coredns/plugin/loop"
	_ "github.com/coredns/coredns/plugin/metrics"
	_ "github.com/coredns/coredns/plugin/ready"
	_ "github.com/coredns/coredns/plugin/reload"
	_ "github.com/coredns/coredns/plugin/rewrite"
	_ "github.com/coredns/coredns/plugin/template"
	_ "github.com/coredns/coredns/plugin/whoami"
)

// directives: v1.12.1's order (zdirectives.go), keeping only the plugins linked above.
var directives = []string{
	"reload", "bind", "ready", "health", "prometheus", "errors", "log", "loadbalance", "cache", "rewrite",
	"template", "hosts", "kubernetes", "loop", "forward", "whoami",
}

func init() {
	dnsserver.Directives = directives
}

func main() {
	coremain.Run()
}
