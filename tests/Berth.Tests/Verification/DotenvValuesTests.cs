using Berth.Verification;
using Berth.Verification.Checks;
using Berth.Verification.Running;
using static Berth.Tests.Verification.TestImages;

namespace Berth.Tests.Verification;

public sealed class DotenvValuesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("berth-dotenv-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private IReadOnlyList<DotenvSecret> Secrets(string dotenv, string name = ".env")
    {
        System.IO.File.WriteAllText(Path.Combine(_folder, name), dotenv);
        return DotenvSecrets.Find([_folder], null, null);
    }

    [Fact]
    public void Finds_values_under_secret_names_and_url_passwords_only()
    {
        var secrets = Secrets("# local\nAPI_TOKEN=tok-3f9a8b7c\nDATABASE_URL=postgresql://app:s3cretpw@db:5432/app\nLOG_LEVEL=info\nAPP_ENV=production\nSECRET_KEY=abc\n");
        // DATABASE_URL is secret-looking by name; its password is also looked for on its own (a URL is often rebuilt with it).
        Assert.Equal(["API_TOKEN", "DATABASE_URL", "DATABASE_URL (its password)"], secrets.Select(s => s.Name));
        Assert.Equal(["tok-3f9a8b7c", "postgresql://app:s3cretpw@db:5432/app", "s3cretpw"], secrets.Select(s => s.Value));
        Assert.All(secrets, s => Assert.Equal(".env", s.Source));
    }

    [Fact]
    public void Templates_and_malformed_files_are_left_out()
    {
        System.IO.File.WriteAllText(Path.Combine(_folder, ".env.example"), "API_TOKEN=changeme-please\n");
        Assert.Empty(Secrets("this is not an env file\n", ".env.local"));
        Assert.Single(Secrets("PGURL=postgres://user:longpassword@h/db\n")); // a credentialed URL under any name
    }

    [Fact]
    public void A_value_baked_into_env_labels_or_history_fails_and_names_only_are_reported()
    {
        var secrets = Secrets("API_TOKEN=tok-3f9a8b7c\nDATABASE_URL=postgresql://app:s3cretpw@db/app\n");
        var image = Facts(Config(env: ["PATH=/usr/bin", "SERVICE_AUTH=tok-3f9a8b7c"]), 1, "python:3.11-slim",
            SlimBase, Layer(1, "RUN /bin/sh -c pip install --index-url https://u:s3cretpw@pypi.internal/simple app"));
        var result = ConfigChecks.DotenvValues(image, secrets);
        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Equal(["API_TOKEN from .env in ENV SERVICE_AUTH", "DATABASE_URL (its password) from .env in history of layer 1"], result.Evidence);
        var printed = result.Detail + string.Join('\n', result.Evidence);
        Assert.DoesNotContain("tok-3f9a8b7c", printed);
        Assert.DoesNotContain("s3cretpw", printed);
    }

    [Fact]
    public void A_clean_image_passes_and_no_dotenv_skips()
    {
        var secrets = Secrets("API_TOKEN=tok-3f9a8b7c\n");
        Assert.Equal(CheckStatus.Pass, ConfigChecks.DotenvValues(GoodApp(), secrets).Status);
        Assert.Equal(CheckStatus.Skip, ConfigChecks.DotenvValues(GoodApp(), []).Status);
    }

    [Fact]
    public void Env_file_values_count_too()
    {
        var path = Path.Combine(_folder, "prod.env");
        System.IO.File.WriteAllText(path, "STRIPE_SECRET=sk_live_123456\n");
        var secrets = DotenvSecrets.Find([], EnvFile.Read(path), path);
        Assert.Equal([new DotenvSecret("STRIPE_SECRET", "sk_live_123456", "prod.env")], secrets);
    }
}
