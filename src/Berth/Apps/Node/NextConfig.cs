using Berth.Apps.Node.Source;

namespace Berth.Apps.Node;

/// <summary>
/// What a next.config.{js,mjs,cjs,ts} sets that the image depends on: <c>output</c> (standalone, export), <c>basePath</c> and the keys
/// of <c>env</c> (inlined into the bundle at build time). Read from tokens, so a commented-out <c>// output: 'standalone'</c> is not output.
/// </summary>
public sealed record NextConfig(string? File, string? Output, int OutputLine, string? BasePath, int BasePathLine, IReadOnlyList<string> EnvKeys, int EnvLine)
{
    private static readonly string[] Names = ["next.config.js", "next.config.mjs", "next.config.cjs", "next.config.ts", "next.config.mts"];

    public static NextConfig Read(SourceTree tree, string folder)
    {
        var file = Names.Select(n => RelativePath.Join(folder, n)).FirstOrDefault(tree.Exists);
        if (file is null)
            return new NextConfig(null, null, 0, null, 0, [], 0);
        var t = JsTokenizer.Tokenize(tree.ReadManifest(file));
        string? output = null, basePath = null;
        int outputLine = 0, basePathLine = 0, envLine = 0;
        var envKeys = new List<string>();
        for (var i = 0; i + 2 < t.Count; i++)
        {
            if (t[i].Kind != JsTokenKind.Identifier || !t[i + 1].Is(":"))
                continue;
            if (t[i].Text == "output" && t[i + 2].IsString && output is null)
                (output, outputLine) = (t[i + 2].Text, t[i].Line);
            else if (t[i].Text == "basePath" && t[i + 2].IsString && basePath is null)
                (basePath, basePathLine) = (t[i + 2].Text, t[i].Line);
            else if (t[i].Text == "env" && t[i + 2].Is("{") && envLine == 0)
            {
                envLine = t[i].Line;
                var depth = 0;
                for (var k = i + 2; k < t.Count; k++)
                {
                    if (t[k].Is("{") || t[k].Is("(") || t[k].Is("["))
                        depth++;
                    else if (t[k].Is("}") || t[k].Is(")") || t[k].Is("]"))
                    {
                        if (--depth == 0)
                            break;
                    }
                    else if (depth == 1 && (t[k].Kind == JsTokenKind.Identifier || t[k].IsString) && k + 1 < t.Count && t[k + 1].Is(":") &&
                             (t[k - 1].Is("{") || t[k - 1].Is(",")))
                        envKeys.Add(t[k].Text);
                }
            }
        }
        return new NextConfig(file, output, outputLine, basePath is "" ? null : basePath, basePathLine, envKeys, envLine);
    }
}
