using Berth.Apps.Node.Source;

namespace Berth.Apps.Node;

/// <summary>
/// The folder a Vite build writes: <c>build.outDir</c> of vite.config.{js,mjs,cjs,ts,mts} when it is a literal (it may point outside
/// the package, into a backend's static folder: <c>outDir: '../backend/static'</c>), else Vite's default <c>dist</c>. Read from tokens,
/// so a commented-out <c>outDir</c> is not the output.
/// </summary>
public sealed record ViteConfig(string? File, string? OutDir, int OutDirLine)
{
    private static readonly string[] Names = ["vite.config.ts", "vite.config.js", "vite.config.mts", "vite.config.mjs", "vite.config.cjs", "vite.config.cts"];

    public static ViteConfig Read(SourceTree tree, string folder)
    {
        var file = Names.Select(n => RelativePath.Join(folder, n)).FirstOrDefault(tree.Exists);
        if (file is null)
            return new ViteConfig(null, null, 0);
        var t = JsTokenizer.Tokenize(tree.ReadManifest(file));
        for (var i = 0; i + 2 < t.Count; i++)
        {
            if (t[i].Kind == JsTokenKind.Identifier && t[i].Text == "outDir" && t[i + 1].Is(":") && t[i + 2].IsString && t[i + 2].Text.Length > 0)
                return new ViteConfig(file, t[i + 2].Text.TrimEnd('/'), t[i].Line);
        }
        return new ViteConfig(file, null, 0);
    }
}
