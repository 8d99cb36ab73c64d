namespace Berth.Generation.Node;

/// <summary>
/// The static file server Berth puts into a static site's image: plain Node (no dependency), GET and HEAD only, index.html for paths
/// without a file extension (client-side routes), 404 for missing files, long caching only for the hashed assets/ folder, no path
/// escapes, and a clean stop on SIGTERM. Written with double quotes and no backslashes, so each line travels as one single-quoted shell
/// word into the image (no BuildKit heredocs needed).
/// </summary>
public static class NodeStaticServer
{
    public const string FileName = "static-server.mjs";

    public static readonly IReadOnlyList<string> Lines =
    [
        "import fs from \"node:fs\";",
        "import http from \"node:http\";",
        "import path from \"node:path\";",
        "const root = path.resolve(process.env.STATIC_ROOT || \"site\");",
        "const port = Number(process.env.PORT || 8080);",
        "const types = { \".html\": \"text/html; charset=utf-8\", \".js\": \"text/javascript; charset=utf-8\", \".mjs\": \"text/javascript; charset=utf-8\",",
        "  \".css\": \"text/css; charset=utf-8\", \".json\": \"application/json\", \".map\": \"application/json\", \".svg\": \"image/svg+xml\",",
        "  \".png\": \"image/png\", \".jpg\": \"image/jpeg\", \".jpeg\": \"image/jpeg\", \".gif\": \"image/gif\", \".webp\": \"image/webp\",",
        "  \".avif\": \"image/avif\", \".ico\": \"image/x-icon\", \".txt\": \"text/plain; charset=utf-8\", \".xml\": \"application/xml\",",
        "  \".woff\": \"font/woff\", \".woff2\": \"font/woff2\", \".wasm\": \"application/wasm\", \".webmanifest\": \"application/manifest+json\" };",
        "function find(urlPath) {",
        "  const file = path.join(root, path.normalize(urlPath));",
        "  if (file !== root && !file.startsWith(root + path.sep)) return null;",
        "  try {",
        "    const stat = fs.statSync(file);",
        "    if (stat.isFile()) return file;",
        "    const index = path.join(file, \"index.html\");",
        "    if (stat.isDirectory() && fs.statSync(index).isFile()) return index;",
        "  } catch {}",
        "  return null;",
        "}",
        "const server = http.createServer((req, res) => {",
        "  if (req.method !== \"GET\" && req.method !== \"HEAD\") { res.writeHead(405, { allow: \"GET, HEAD\" }).end(); return; }",
        "  let urlPath;",
        "  try { urlPath = decodeURIComponent(new URL(req.url, \"http://localhost\").pathname); } catch { res.writeHead(400).end(); return; }",
        "  let file = find(urlPath);",
        "  if (file === null && path.extname(urlPath) === \"\") file = path.join(root, \"index.html\");",
        "  if (file === null) { res.writeHead(404, { \"content-type\": \"text/plain; charset=utf-8\" }).end(\"not found\"); return; }",
        "  const hashed = file.startsWith(path.join(root, \"assets\") + path.sep);",
        "  res.writeHead(200, { \"content-type\": types[path.extname(file)] || \"application/octet-stream\", \"x-content-type-options\": \"nosniff\",",
        "    \"cache-control\": hashed ? \"public, max-age=31536000, immutable\" : \"no-cache\" });",
        "  if (req.method === \"HEAD\") { res.end(); return; }",
        "  fs.createReadStream(file).on(\"error\", () => res.destroy()).pipe(res);",
        "});",
        "server.listen(port, \"0.0.0.0\", () => console.log(JSON.stringify({ msg: \"serving\", root, port })));",
        "function stop() { server.close(() => process.exit(0)); server.closeIdleConnections(); setTimeout(() => process.exit(0), 5000).unref(); }",
        "process.on(\"SIGTERM\", stop);",
        "process.on(\"SIGINT\", stop);",
    ];
}
