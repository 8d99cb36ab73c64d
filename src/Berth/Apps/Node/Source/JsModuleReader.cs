namespace Berth.Apps.Node.Source;

/// <summary>An environment variable read: <c>process.env.X</c>, <c>process.env['X']</c>, <c>const { X = 'd' } = process.env</c>, <c>import.meta.env.X</c>.</summary>
internal sealed record JsEnvRead(string Name, int Line, string? Default);

/// <summary>A <c>.listen(…)</c> call: the port literal it resolves to (through one const), and whether it reads PORT from the environment.</summary>
internal sealed record JsListenCall(int? Port, bool ReadsPortVariable, int Line);

/// <summary>A route registered in code: HTTP method (lower case as written: get, head, all…) and path.</summary>
internal sealed record JsRoute(string Method, string Path, int Line);

/// <summary>What one JavaScript or TypeScript file says about the service.</summary>
internal sealed record JsModuleFacts(
    string File,
    IReadOnlyList<JsEnvRead> EnvReads,
    IReadOnlyList<JsListenCall> ListenCalls,
    IReadOnlyList<JsRoute> Routes,
    IReadOnlyList<string> Exports,
    int? SigtermHandlerLine,
    string? GlobalPrefix);

/// <summary>
/// Reads a JS/TS file's tokens for the patterns a service declares itself by. Route receivers are names bound to a server
/// (<c>express()</c>, <c>express.Router()</c>, <c>fastify()</c>, <c>new Koa()</c>, <c>new Router()</c>) or the usual names
/// (app, router, server, fastify), so <c>axios.get('/health')</c> in client code is not a route.
/// </summary>
internal static class JsModuleReader
{
    private static readonly HashSet<string> ServerFactories = new(StringComparer.Ordinal) { "express", "Router", "fastify", "Fastify", "Koa", "Hono" };
    private static readonly HashSet<string> RouteMethods = new(StringComparer.Ordinal) { "get", "head", "all", "post", "put", "patch", "delete", "options" };
    private static readonly HashSet<string> NestMethodDecorators = new(StringComparer.Ordinal) { "@Get", "@Head", "@All", "@Post", "@Put", "@Patch", "@Delete", "@Options" };

    public static JsModuleFacts Read(string file, string text)
    {
        var t = JsTokenizer.Tokenize(text);
        var env = new List<JsEnvRead>();
        var listens = new List<JsListenCall>();
        var routes = new List<JsRoute>();
        var exports = new List<string>();
        int? sigterm = null;
        string? globalPrefix = null;
        var receivers = new HashSet<string>(StringComparer.Ordinal) { "app", "router", "server", "fastify" };
        var declarations = new Dictionary<string, (int Start, int End)>(StringComparer.Ordinal);
        string? controllerPrefix = null;

        for (var i = 0; i < t.Count; i++)
        {
            var token = t[i];
            // const NAME = …   (for resolving a listen(port) argument and server receivers)
            if (token.Kind == JsTokenKind.Identifier && token.Text is "const" or "let" or "var" && At(t, i + 2, "=") && t[i + 1].Kind == JsTokenKind.Identifier)
            {
                var name = t[i + 1].Text;
                var start = i + 3;
                declarations[name] = (start, ExpressionEnd(t, start));
                var callee = start < t.Count && t[start].IsIdentifier("new") ? start + 1 : start;
                if (callee < t.Count && t[callee].Kind == JsTokenKind.Identifier &&
                    (ServerFactories.Contains(t[callee].Text) && At(t, callee + 1, "(") ||
                     At(t, callee + 1, ".") && callee + 2 < t.Count && t[callee + 2].IsIdentifier("Router")))
                    receivers.Add(name);
            }

            if (token.IsIdentifier("process") && At(t, i + 1, ".") && Ident(t, i + 2, "env"))
            {
                ReadProcessEnv(t, i, env);
                if (DestructuresEnv(t, i) is { } names)
                    env.AddRange(names);
            }
            else if (token.IsIdentifier("import") && At(t, i + 1, ".") && Ident(t, i + 2, "meta") && At(t, i + 3, ".") && Ident(t, i + 4, "env") &&
                     At(t, i + 5, ".") && i + 6 < t.Count && t[i + 6].Kind == JsTokenKind.Identifier)
            {
                env.Add(new JsEnvRead(t[i + 6].Text, t[i + 6].Line, Fallback(t, i + 7)));
            }
            else if (token.IsIdentifier("process") && At(t, i + 1, ".") && i + 2 < t.Count && t[i + 2].Text is "on" or "once" && At(t, i + 3, "(") &&
                     i + 4 < t.Count && t[i + 4].IsString && t[i + 4].Text == "SIGTERM")
            {
                sigterm ??= token.Line;
            }
            else if (token.Is(".") && i + 2 < t.Count && t[i + 1].IsIdentifier("enableShutdownHooks") && At(t, i + 2, "("))
            {
                sigterm ??= token.Line; // NestJS closes the app on SIGTERM
            }
            else if (token.Is(".") && Ident(t, i + 1, "listen") && At(t, i + 2, "("))
            {
                listens.Add(ListenCall(t, i + 3, declarations, token.Line));
            }
            else if (token.Is(".") && Ident(t, i + 1, "setGlobalPrefix") && At(t, i + 2, "(") && i + 3 < t.Count && t[i + 3].IsString)
            {
                globalPrefix = t[i + 3].Text;
            }
            else if (token.Kind == JsTokenKind.Identifier && receivers.Contains(token.Text) && At(t, i + 1, ".") && i + 4 < t.Count &&
                     t[i + 2].Kind == JsTokenKind.Identifier && RouteMethods.Contains(t[i + 2].Text) && At(t, i + 3, "(") && t[i + 4].IsString &&
                     t[i + 4].Text.StartsWith('/'))
            {
                routes.Add(new JsRoute(t[i + 2].Text, t[i + 4].Text, t[i + 4].Line));
            }
            else if (token.IsIdentifier("@Controller"))
            {
                controllerPrefix = DecoratorPath(t, i + 1) ?? "";
            }
            else if (token.Kind == JsTokenKind.Identifier && NestMethodDecorators.Contains(token.Text) && controllerPrefix is not null)
            {
                var path = "/" + string.Join('/', new[] { controllerPrefix, DecoratorPath(t, i + 1) ?? "" }.Select(p => p.Trim('/')).Where(p => p.Length > 0));
                routes.Add(new JsRoute(token.Text[1..].ToLowerInvariant(), path, token.Line));
            }
            else if (token.IsIdentifier("export"))
            {
                ReadExport(t, i + 1, exports);
            }
        }
        return new JsModuleFacts(file, env, listens, routes, exports, sigterm, globalPrefix);
    }

    private static void ReadProcessEnv(List<JsToken> t, int i, List<JsEnvRead> env)
    {
        var next = i + 3;
        if (At(t, next, "?."))
            next++;
        else if (At(t, next, "."))
            next++;
        else if (At(t, next, "[") && next + 2 < t.Count && t[next + 1].IsString && At(t, next + 2, "]"))
        {
            env.Add(new JsEnvRead(t[next + 1].Text, t[next + 1].Line, Fallback(t, next + 3)));
            return;
        }
        else
            return;
        if (next < t.Count && t[next].Kind == JsTokenKind.Identifier && !At(t, next + 1, "("))
            env.Add(new JsEnvRead(t[next].Text, t[next].Line, Fallback(t, next + 1)));
    }

    /// <summary><c>const { A, B = 'x', C: c } = process.env</c>: the names in the pattern before <c>= process.env</c> at <paramref name="i"/>.</summary>
    private static List<JsEnvRead>? DestructuresEnv(List<JsToken> t, int i)
    {
        if (!At(t, i - 1, "=") || !At(t, i - 2, "}") || At(t, i + 3, ".") || At(t, i + 3, "["))
            return null;
        var depth = 0;
        var open = -1;
        for (var k = i - 2; k >= 0; k--)
        {
            if (t[k].Is("}"))
                depth++;
            else if (t[k].Is("{") && --depth == 0)
            {
                open = k;
                break;
            }
        }
        if (open < 0)
            return null;
        var names = new List<JsEnvRead>();
        var expectName = true;
        for (var k = open + 1; k < i - 2; k++)
        {
            if (t[k].Is(","))
            {
                expectName = true;
                continue;
            }
            if (expectName && t[k].Kind == JsTokenKind.Identifier)
            {
                string? value = null;
                var after = k + 1;
                if (At(t, after, ":"))
                    after += 2;
                if (At(t, after, "=") && after + 1 < t.Count && t[after + 1].Kind is JsTokenKind.String or JsTokenKind.Number)
                    value = t[after + 1].Text;
                names.Add(new JsEnvRead(t[k].Text, t[k].Line, value));
                expectName = false;
            }
        }
        return names;
    }

    /// <summary>The literal after <c>|| 'x'</c> or <c>?? 3000</c>, if the read is followed by one.</summary>
    private static string? Fallback(List<JsToken> t, int i) =>
        (At(t, i, "||") || At(t, i, "??")) && i + 1 < t.Count && t[i + 1].Kind is JsTokenKind.String or JsTokenKind.Number ? t[i + 1].Text : null;

    private static JsListenCall ListenCall(List<JsToken> t, int start, Dictionary<string, (int Start, int End)> declarations, int line)
    {
        var end = ArgumentEnd(t, start);
        var (from, to) = (start, end);
        if (At(t, start, "{"))
        {
            // fastify.listen({ port: 3000, host: '0.0.0.0' })
            for (var k = start + 1; k < end; k++)
            {
                if (t[k].IsIdentifier("port") && At(t, k + 1, ":"))
                {
                    (from, to) = (k + 2, ArgumentEnd(t, k + 2));
                    break;
                }
            }
            if (from == start)
                return new JsListenCall(null, false, line);
        }
        if (to - from == 1 && t[from].Kind == JsTokenKind.Identifier && declarations.TryGetValue(t[from].Text, out var declared))
            (from, to) = declared;
        int? port = null;
        var readsPort = false;
        for (var k = from; k < to; k++)
        {
            if (port is null && t[k].Kind == JsTokenKind.Number && int.TryParse(t[k].Text, out var n) && n is > 0 and < 65536)
                port = n;
            if (t[k].IsIdentifier("PORT") || (t[k].IsString && t[k].Text == "PORT"))
                readsPort = true;
            if (port is null && t[k].IsString && int.TryParse(t[k].Text, out var s) && s is > 0 and < 65536)
                port = s;
        }
        return new JsListenCall(port, readsPort, line);
    }

    /// <summary>The index after one call argument: the next ',' or ')' at the argument's own depth.</summary>
    private static int ArgumentEnd(List<JsToken> t, int start)
    {
        var depth = 0;
        for (var k = start; k < t.Count; k++)
        {
            if (t[k].Kind != JsTokenKind.Punctuator)
                continue;
            if (t[k].Text is "(" or "[" or "{")
                depth++;
            else if (t[k].Text is ")" or "]" or "}")
            {
                if (depth == 0)
                    return k;
                depth--;
            }
            else if (t[k].Text == "," && depth == 0)
                return k;
        }
        return t.Count;
    }

    /// <summary>The end of an initialiser: ';' at its depth, or a new line that starts a statement.</summary>
    private static int ExpressionEnd(List<JsToken> t, int start)
    {
        var depth = 0;
        for (var k = start; k < t.Count; k++)
        {
            if (t[k].Kind == JsTokenKind.Punctuator)
            {
                if (t[k].Text is "(" or "[" or "{")
                    depth++;
                else if (t[k].Text is ")" or "]" or "}")
                {
                    if (depth == 0)
                        return k;
                    depth--;
                }
                else if (t[k].Text is ";" or "," && depth == 0)
                    return k;
            }
            if (depth == 0 && k > start && t[k].Line > t[k - 1].Line && t[k].Kind == JsTokenKind.Identifier && t[k].Text is "const" or "let" or "var" or "function" or "export" or "import" or "class")
                return k;
        }
        return t.Count;
    }

    /// <summary>The path argument of a decorator: <c>('x')</c>, <c>({ path: 'x' })</c>; null for <c>()</c> or no arguments.</summary>
    private static string? DecoratorPath(List<JsToken> t, int i)
    {
        if (!At(t, i, "("))
            return null;
        if (i + 1 < t.Count && t[i + 1].IsString)
            return t[i + 1].Text;
        if (At(t, i + 1, "{"))
        {
            for (var k = i + 2; k < t.Count && !t[k].Is("}"); k++)
            {
                if (t[k].IsIdentifier("path") && At(t, k + 1, ":") && k + 2 < t.Count && t[k + 2].IsString)
                    return t[k + 2].Text;
            }
        }
        return null;
    }

    private static void ReadExport(List<JsToken> t, int i, List<string> exports)
    {
        if (Ident(t, i, "async"))
            i++;
        if (i + 1 < t.Count && t[i].Kind == JsTokenKind.Identifier && t[i].Text is "function" or "const" or "let" or "var" or "class" &&
            t[i + 1].Kind == JsTokenKind.Identifier)
        {
            exports.Add(t[i + 1].Text);
            return;
        }
        if (Ident(t, i, "default"))
        {
            exports.Add("default");
            return;
        }
        if (At(t, i, "{"))
        {
            // export { a, b as GET }
            for (var k = i + 1; k < t.Count && !t[k].Is("}"); k++)
            {
                if (t[k].Kind != JsTokenKind.Identifier || t[k].Text == "as")
                    continue;
                if (At(t, k + 1, ",") || At(t, k + 1, "}"))
                    exports.Add(t[k].Text);
            }
        }
    }

    private static bool At(List<JsToken> t, int i, string punctuator) => i >= 0 && i < t.Count && t[i].Is(punctuator);

    private static bool Ident(List<JsToken> t, int i, string name) => i >= 0 && i < t.Count && t[i].IsIdentifier(name);
}
