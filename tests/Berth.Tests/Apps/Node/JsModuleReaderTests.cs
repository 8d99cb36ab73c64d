using Berth.Apps.Node.Source;

namespace Berth.Tests.Apps.Node;

/// <summary>The JS/TS reader: what counts (code) and what does not (comments, strings, template text, regular expressions).</summary>
public sealed class JsModuleReaderTests
{
    private static JsModuleFacts Read(string text) => JsModuleReader.Read("src/app.js", text);

    [Fact]
    public void Env_reads_in_every_form_with_their_defaults()
    {
        var facts = Read("""
            const a = process.env.ALPHA || 'x';
            const b = process.env['BETA'] ?? 3;
            const { GAMMA, DELTA = 'd', EPS: eps } = process.env;
            const v = import.meta.env.VITE_URL;
            const t = `${process.env.IN_TEMPLATE}`;
            """);
        Assert.Equal(["ALPHA", "BETA", "GAMMA", "DELTA", "EPS", "VITE_URL", "IN_TEMPLATE"], facts.EnvReads.Select(r => r.Name));
        Assert.Equal("x", facts.EnvReads[0].Default);
        Assert.Equal("3", facts.EnvReads[1].Default);
        Assert.Null(facts.EnvReads[2].Default);
        Assert.Equal("d", facts.EnvReads[3].Default);
        Assert.Equal(3, facts.EnvReads[3].Line);
    }

    [Fact]
    public void Comments_strings_templates_and_regexes_are_not_code()
    {
        var facts = Read("""
            // app.get('/health', ok); process.env.COMMENTED
            /* app.listen(9999) process.env.BLOCK */
            const s = "app.get('/healthz') process.env.IN_STRING";
            const t = `app.listen(7777) process.env.IN_TEMPLATE_TEXT`;
            const r = /app.get\('\/ping'\)/g;
            const half = 10 / 2; app.get('/live', ok);
            """);
        Assert.Empty(facts.EnvReads);
        Assert.Empty(facts.ListenCalls);
        var route = Assert.Single(facts.Routes);
        Assert.Equal("/live", route.Path);
        Assert.Equal(6, route.Line);
    }

    [Fact]
    public void An_apostrophe_in_jsx_text_does_not_swallow_the_rest_of_the_file()
    {
        var facts = Read("""
            export default function Page() {
              return <p>Don't panic</p>;
            }
            const port = process.env.PORT;
            """);
        Assert.Equal("PORT", Assert.Single(facts.EnvReads).Name);
        Assert.Contains("default", facts.Exports);
    }

    [Fact]
    public void Listen_port_through_a_const_and_fastify_options()
    {
        Assert.Equal(4000, Assert.Single(Read("const port = Number(process.env.PORT || 4000);\nserver.listen(port);").ListenCalls).Port);
        var fastify = Assert.Single(Read("await fastify.listen({ port: 8081, host: '0.0.0.0' });").ListenCalls);
        Assert.Equal(8081, fastify.Port);
        var nest = Assert.Single(Read("await app.listen(process.env.PORT ?? 3001);").ListenCalls);
        Assert.Equal(3001, nest.Port);
        Assert.True(nest.ReadsPortVariable);
    }

    [Fact]
    public void Routes_need_a_server_receiver_not_an_http_client()
    {
        var facts = Read("""
            const api = express.Router();
            api.get('/ready', ok);
            axios.get('/health');
            """);
        Assert.Equal("/ready", Assert.Single(facts.Routes).Path);
    }

    [Fact]
    public void Nest_controllers_join_their_prefix_and_shutdown_hooks_count_as_sigterm_handling()
    {
        var facts = JsModuleReader.Read("src/health.controller.ts", """
            @Controller('health')
            export class HealthController {
              @Get('live') live() { return 'ok'; }
              @Get() root() { return 'ok'; }
            }
            app.enableShutdownHooks();
            """);
        Assert.Equal(["/health/live", "/health"], facts.Routes.Select(r => r.Path));
        Assert.Equal(6, facts.SigtermHandlerLine);
    }

    [Fact]
    public void Route_handler_exports()
    {
        Assert.Contains("GET", Read("export async function GET() { return Response.json({}); }").Exports);
        Assert.Contains("GET", Read("export const GET = () => new Response('ok');").Exports);
        Assert.Contains("GET", Read("function handler() {}\nexport { handler as GET };").Exports);
        Assert.DoesNotContain("GET", Read("export function POST() {}").Exports);
    }

    [Fact]
    public void Sigterm_handler_from_process_on()
    {
        Assert.Equal(2, Read("const s = app.listen(3000);\nprocess.on('SIGTERM', () => s.close());").SigtermHandlerLine);
        Assert.Null(Read("process.on('SIGINT', () => {});").SigtermHandlerLine);
    }
}
