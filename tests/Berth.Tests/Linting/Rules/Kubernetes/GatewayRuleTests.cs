namespace Berth.Tests.Linting.Rules.Kubernetes;

internal static class GatewayFixtures
{
    public const string Gateway = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: public, namespace: infra}
        spec:
          gatewayClassName: cilium
          listeners:
            - {name: http, port: 80, protocol: HTTP, hostname: "*.example.com", allowedRoutes: {namespaces: {from: All}}}
            - {name: internal, port: 8080, protocol: HTTP, hostname: intranet.local}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec: {selector: {app: web}, ports: [{name: http, port: 80, targetPort: 8000}]}
        """;
}

public sealed class BackendRefPortUnknownTests
{
    [Fact]
    public void Fires_on_missing_and_unknown_ports_and_services() => KubeCase.Assert("BK8901", GatewayFixtures.Gateway + """

        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: web, namespace: shop}
        spec:
          parentRefs: [{name: public, namespace: infra}]
          rules:
            - backendRefs:
        #! BK8901
                - {name: web, port: 8000}
        #! BK8901
                - name: web
                - name: website
        #! BK8901
                  port: 80
        """.Replace("        - name: website\n#! BK8901\n          port: 80", "#! BK8901\n        - name: website\n          port: 80", StringComparison.Ordinal));

    [Fact]
    public void Quiet_on_service_ports_and_services_outside_the_set() => KubeCase.Assert("BK8901", GatewayFixtures.Gateway + """

        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: web, namespace: shop}
        spec:
          rules:
            - backendRefs: [{name: web, port: 80}, {name: other, namespace: elsewhere, port: 80}, {group: example.com, kind: Bucket, name: b}]
        """);
}

public sealed class ParentRefOutsideSetTests
{
    [Fact]
    public void Fires_on_gateways_not_in_the_set_including_a_missing_namespace() => KubeCase.Assert("BK8902", GatewayFixtures.Gateway + """

        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: web, namespace: shop}
        spec:
          parentRefs:
        #! BK8902
            - name: public
        """);

    [Fact]
    public void Quiet_on_gateways_in_the_set() => KubeCase.Assert("BK8902", GatewayFixtures.Gateway + "\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: web, namespace: shop}\nspec: {parentRefs: [{name: public, namespace: infra}]}\n");
}

public sealed class ParentRefListenerUnknownTests
{
    [Fact]
    public void Fires_on_unknown_section_names_and_ports() => KubeCase.Assert("BK8903", GatewayFixtures.Gateway + """

        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: web, namespace: shop}
        spec:
          parentRefs:
            - name: public
              namespace: infra
        #! BK8903
              sectionName: https
            - name: public
              namespace: infra
        #! BK8903
              port: 443
        """);

    [Fact]
    public void Quiet_on_existing_listeners() => KubeCase.Assert("BK8903", GatewayFixtures.Gateway + "\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: web, namespace: shop}\nspec: {parentRefs: [{name: public, namespace: infra, sectionName: http, port: 80}]}\n");
}

public sealed class RouteHostnameNotOnListenerTests
{
    [Fact]
    public void Fires_when_no_hostname_matches_the_listeners() => KubeCase.Assert("BK8904", GatewayFixtures.Gateway + """

        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: web, namespace: shop}
        spec:
          parentRefs: [{name: public, namespace: infra, sectionName: http}]
        #! BK8904
          hostnames: [example.com, shop.example.org]
        """);

    [Fact]
    public void Quiet_on_wildcard_matches_and_routes_without_hostnames() => KubeCase.Assert("BK8904", GatewayFixtures.Gateway + """

        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: web, namespace: shop}
        spec:
          parentRefs: [{name: public, namespace: infra, sectionName: http}]
          hostnames: [shop.example.com, "*.eu.example.com"]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: all, namespace: shop}
        spec:
          parentRefs: [{name: public, namespace: infra}]
        """);
}

public sealed class CrossNamespaceBackendWithoutGrantTests
{
    [Fact]
    public void Fires_without_a_grant_in_the_target_namespace() => KubeCase.Assert("BK8905", """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: web, namespace: edge}
        spec:
          rules:
            - backendRefs:
                - name: web
        #! BK8905
                  namespace: shop
                  port: 80
        ---
        apiVersion: gateway.networking.k8s.io/v1beta1
        kind: ReferenceGrant
        metadata: {name: wrong-place, namespace: edge}
        spec:
          from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: edge}]
          to: [{group: "", kind: Service}]
        """);

    [Fact]
    public void Quiet_with_a_grant_or_in_the_same_namespace() => KubeCase.Assert("BK8905", """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: web, namespace: edge}
        spec:
          rules: [{backendRefs: [{name: web, namespace: shop, port: 80}, {name: local, port: 80}]}]
        ---
        apiVersion: gateway.networking.k8s.io/v1beta1
        kind: ReferenceGrant
        metadata: {name: edge-routes, namespace: shop}
        spec:
          from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: edge}]
          to: [{group: "", kind: Service, name: web}]
        """);
}

public sealed class ListenerRejectsRouteNamespaceTests
{
    [Fact]
    public void Fires_when_the_listener_allows_only_its_namespace() => KubeCase.Assert("BK8906", GatewayFixtures.Gateway + """

        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: web, namespace: shop}
        spec:
          parentRefs:
            - name: public
        #! BK8906
              namespace: infra
              sectionName: internal
        """);

    [Fact]
    public void Quiet_when_the_listener_allows_all_or_the_route_is_local() => KubeCase.Assert("BK8906", GatewayFixtures.Gateway + "\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: web, namespace: shop}\nspec: {parentRefs: [{name: public, namespace: infra, sectionName: http}]}\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: ops, namespace: infra}\nspec: {parentRefs: [{name: public, sectionName: internal}]}\n");
}

public sealed class PathPrefixPatternTests
{
    [Fact]
    public void Fires_on_globs_regexes_and_relative_paths()
    {
        var findings = KubeCase.Assert("BK8907", """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: web}
            spec:
              rules:
                - matches:
                    - path:
                        type: PathPrefix
            #! BK8907
                        value: /api/*
                    - path:
            #! BK8907
                        value: api
            """);
        Assert.Equal("value: /api", findings[0].Fix);
    }

    [Fact]
    public void Quiet_on_literal_prefixes_and_regular_expressions() => KubeCase.Assert("BK8907", "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: web}\nspec: {rules: [{matches: [{path: {type: PathPrefix, value: /api}}, {path: {type: RegularExpression, value: '/v[12]/.*'}}, {path: {type: Exact, value: /health}}]}]}\n");
}

public sealed class ListenerCertificateMissingTests
{
    [Fact]
    public void Fires_on_https_and_terminating_tls_listeners_without_certificates() => KubeCase.Assert("BK8908", """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: gw}
        spec:
          gatewayClassName: cls
          listeners:
            - name: https
              port: 443
        #! BK8908
              protocol: HTTPS
            - name: tls
              port: 8443
              protocol: TLS
              tls:
        #! BK8908
                mode: Terminate
        """);

    [Fact]
    public void Quiet_with_certificate_refs_or_tls_passthrough() => KubeCase.Assert("BK8908", """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: gw}
        spec:
          gatewayClassName: cls
          listeners:
            - {name: https, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: cert}]}}
            - {name: tls, port: 8443, protocol: TLS, tls: {mode: Passthrough}}
            - {name: http, port: 80, protocol: HTTP}
        """);
}

public sealed class ListenerTlsMismatchTests
{
    [Fact]
    public void Fires_on_tls_for_http_and_passthrough_on_https() => KubeCase.Assert("BK8909", """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: gw}
        spec:
          gatewayClassName: cls
          listeners:
            - name: http
              port: 80
              protocol: HTTP
              tls:
        #! BK8909
                certificateRefs: [{name: cert}]
            - name: https
              port: 443
              protocol: HTTPS
              tls:
        #! BK8909
                mode: Passthrough
        """);

    [Fact]
    public void Quiet_on_tls_for_https_and_tls_listeners() => KubeCase.Assert("BK8909", """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: gw}
        spec:
          gatewayClassName: cls
          listeners:
            - {name: https, port: 443, protocol: HTTPS, tls: {mode: Terminate, certificateRefs: [{name: cert}]}}
            - {name: tls, port: 8443, protocol: TLS, tls: {mode: Passthrough}}
            - {name: http, port: 80, protocol: HTTP}
        """);
}

public sealed class ListenerConflictTests
{
    [Fact]
    public void Fires_on_a_repeated_name_and_a_repeated_port_protocol_and_hostname()
    {
        var findings = KubeCase.Assert("BK8910", """
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {name: gw}
            spec:
              gatewayClassName: cls
              listeners:
                - {name: http, port: 80, protocol: HTTP}
                - name: web
            #! BK8910
                  port: 80
                  protocol: HTTP
            #! BK8910
                - name: web
                  port: 8080
                  protocol: HTTP
            """);
        Assert.Contains("as listener 'http'", findings[0].Message);
    }

    [Fact]
    public void Quiet_when_hostnames_or_ports_differ() => KubeCase.Assert("BK8910", """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: gw}
        spec:
          gatewayClassName: cls
          listeners:
            - {name: a, port: 80, protocol: HTTP, hostname: a.example.com}
            - {name: b, port: 80, protocol: HTTP, hostname: b.example.com}
            - {name: c, port: 80, protocol: HTTP}
            - {name: d, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: cert}]}}
        """);
}

public sealed class RouteKindNotAllowedByListenerTests
{
    private const string Gateway = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: gw}
        spec:
          gatewayClassName: cls
          listeners:
            - {name: http, port: 80, protocol: HTTP}
            - {name: tcp, port: 5432, protocol: TCP}
            - {name: grpc-only, port: 8080, protocol: HTTP, allowedRoutes: {kinds: [{kind: GRPCRoute}]}}
        ---
        """;

    [Fact]
    public void Fires_on_an_http_route_bound_to_a_tcp_listener_or_one_that_excludes_its_kind()
    {
        var findings = KubeCase.Assert("BK8911", Gateway + """

            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: web}
            spec:
              parentRefs:
                - name: gw
            #! BK8911
                  sectionName: tcp
                - name: gw
            #! BK8911
                  port: 8080
            """);
        Assert.Contains("listener 'tcp' (TCP) takes TCPRoute", findings[0].Message);
        Assert.Contains("takes GRPCRoute (allowedRoutes.kinds)", findings[1].Message);
    }

    [Fact]
    public void Quiet_when_a_listener_takes_the_route() => KubeCase.Assert("BK8911", Gateway + """

        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: web}
        spec:
          parentRefs: [{name: gw}, {name: gw, sectionName: http}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: GRPCRoute
        metadata: {name: rpc}
        spec:
          parentRefs: [{name: gw, sectionName: grpc-only}]
        """);
}
