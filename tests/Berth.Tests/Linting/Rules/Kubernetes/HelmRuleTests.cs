using Berth.Kubernetes;
using Berth.Tests.Support;

namespace Berth.Tests.Linting.Rules.Kubernetes;

public sealed class ChartMetadataInvalidTests
{
    [Fact]
    public void Fires_on_v1_bad_name_bad_version_and_numeric_app_version()
    {
        var (findings, _) = ChartCase.Lint(ChartCase.Chart(chartYaml: "apiVersion: v1\nname: My_Chart\nversion: 1.0\nappVersion: 1.10\n"));
        var messages = findings.Where(f => f.Rule == "BK8801").Select(f => (f.Line, f.Message)).ToList();
        Assert.Equal([1, 2, 3, 4], messages.Select(m => m.Line));
        Assert.Contains("1.10 reads as 1.1", messages[3].Message);
    }

    [Fact]
    public void Quiet_on_a_valid_chart() => Assert.DoesNotContain(ChartCase.Lint(ChartCase.Chart()).Findings, f => f.Rule == "BK8801");
}

public sealed class ValuesSchemaMissingTests
{
    [Fact]
    public void Fires_without_a_schema()
    {
        var files = ChartCase.Chart();
        files.Remove("values.schema.json");
        var finding = Assert.Single(ChartCase.Lint(files).Findings, f => f.Rule == "BK8802");
        Assert.EndsWith("Chart.yaml", finding.File);
    }

    [Fact]
    public void Quiet_with_one() => Assert.DoesNotContain(ChartCase.Lint(ChartCase.Chart()).Findings, f => f.Rule == "BK8802");
}

public sealed class ValueNotDefinedTests
{
    [Fact]
    public void Fires_at_the_template_position_of_an_undefined_value()
    {
        var template = ChartCase.Deployment + "\n          env: [{name: LEVEL, value: {{ .Values.logLevel | quote }}}]\n          ports: [{containerPort: {{ .Values.image.port }}}]\n";
        var findings = ChartCase.Lint(ChartCase.Chart(template: template)).Findings.Where(f => f.Rule == "BK8803").ToList();
        Assert.Equal(2, findings.Count);
        Assert.EndsWith(Path.Combine("templates", "deployment.yaml"), findings[0].File);
        Assert.Equal((16, 41), (findings[0].Line, findings[0].Column));
        Assert.Contains("does not define logLevel", findings[0].Message);
        Assert.Contains("does not define image.port", findings[1].Message);
    }

    [Fact]
    public void Quiet_on_defined_defaulted_global_and_open_map_values()
    {
        var template = ChartCase.Deployment + "\n          x: {{ .Values.missing | default 3 }} {{ default \"a\" .Values.other }} {{ .Values.global.registry }} {{ .Values.resources.limits }}\n{{- if .Values.autoscaling.targetMemory }}\n          m: {{ .Values.autoscaling.targetMemory }}\n{{- end }}\n";
        Assert.DoesNotContain(ChartCase.Lint(ChartCase.Chart(values: ChartCase.Values + "resources: {}\nautoscaling:\n  enabled: false\n", template: template)).Findings, f => f.Rule == "BK8803");
    }
}

public sealed class ValueNotUsedTests
{
    [Fact]
    public void Fires_on_a_top_level_key_no_template_reads()
    {
        var finding = Assert.Single(ChartCase.Lint(ChartCase.Chart(values: ChartCase.Values + "nodeSelector: {}\n")).Findings, f => f.Rule == "BK8804");
        Assert.EndsWith("values.yaml", finding.File);
        Assert.Equal(6, finding.Line);
    }

    [Fact]
    public void Quiet_on_read_global_subchart_and_whole_values_charts()
    {
        Assert.DoesNotContain(ChartCase.Lint(ChartCase.Chart(chartYaml: ChartCase.ChartYaml + "dependencies: [{name: redis, version: 1.0.0}]\n", values: ChartCase.Values + "global: {}\nredis: {}\n")).Findings, f => f.Rule == "BK8804");
        Assert.DoesNotContain(ChartCase.Lint(ChartCase.Chart(values: ChartCase.Values + "extra: 1\n", template: ChartCase.Deployment + "\n# {{ toYaml .Values }}\n")).Findings, f => f.Rule == "BK8804");
    }
}

public sealed class ChartNotRenderedTests
{
    [Fact]
    public void Fires_without_helm() => Assert.Single(ChartCase.Lint(ChartCase.Chart()).Findings, f => f.Rule == "BK8805");

    [Fact]
    public void Quiet_when_helm_renders_it() => Assert.DoesNotContain(ChartCase.Lint(ChartCase.Chart(), Renderers.Require("helm")).Findings, f => f.Rule == "BK8805");
}

public sealed class ChartRenderFailedTests
{
    [Fact]
    public void Fires_at_the_template_line_helm_names()
    {
        var template = ChartCase.Deployment + "\n{{ required \"image.digest is required\" .Values.image.digest }}\n";
        var finding = Assert.Single(ChartCase.Lint(ChartCase.Chart(template: template), Renderers.Require("helm")).Findings, f => f.Rule == "BK8806");
        Assert.Contains("image.digest is required", finding.Message);
        Assert.EndsWith(Path.Combine("templates", "deployment.yaml"), finding.File);
        Assert.Equal(16, finding.Line);
    }

    [Fact]
    public void Quiet_when_it_renders() => Assert.DoesNotContain(ChartCase.Lint(ChartCase.Chart(), Renderers.Require("helm")).Findings, f => f.Rule == "BK8806");
}

public sealed class ChartStandardLabelsMissingTests
{
    [Fact]
    public void Fires_on_rendered_objects_without_the_labels()
    {
        var files = ChartCase.Chart();
        files["templates/service.yaml"] = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels: {app: web}\nspec: {selector: {app.kubernetes.io/name: web}, ports: [{port: 80}]}\n";
        var finding = Assert.Single(ChartCase.Lint(files, Renderers.Require("helm")).Findings, f => f.Rule == "BK8809");
        Assert.EndsWith(Path.Combine("templates", "service.yaml"), finding.File);
        Assert.Equal(5, finding.Line);
    }

    [Fact]
    public void Quiet_when_the_chart_labels_its_objects() => Assert.DoesNotContain(ChartCase.Lint(ChartCase.Chart(), Renderers.Require("helm")).Findings, f => f.Rule == "BK8809");
}

public sealed class HelmRenderingTests
{
    [Fact]
    public void Findings_of_rendered_objects_point_at_template_lines_and_values_apply()
    {
        var helm = Renderers.Require("helm");
        var (findings, _) = ChartCase.Lint(ChartCase.Chart(), helm, new HelmValues([], ["image.tag=latest"]));
        var latest = Assert.Single(findings, f => f.Rule == "BK8401");
        Assert.EndsWith(Path.Combine("templates", "deployment.yaml"), latest.File);
        Assert.Equal(14, latest.Line);
        var missingProbe = Assert.Single(findings, f => f.Rule == "BK8101");
        Assert.Equal(13, missingProbe.Line);
    }
}
