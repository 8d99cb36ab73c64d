using Berth.Apps;
using Berth.Apps.Python;
using Berth.Tests.Support;

namespace Berth.Tests.Apps.Python.Source;

/// <summary>
/// Settings classes whose BaseSettings parent is in another module (nsidnev/fastapi-realworld-example-app: lower-case pydantic v1
/// fields in <c>AppSettings(BaseAppSettings)</c>, the base in core/settings/base.py, the production class a third module).
/// </summary>
public sealed class InheritedSettingsTests
{
    private static EnvVariable Env(ServiceProfile profile, string name) => Assert.Single(profile.Env, e => e.Name == name);

    private static ServiceProfile Scan(Dictionary<string, string> files)
    {
        files["requirements.txt"] = "fastapi\nuvicorn\npydantic[dotenv]<2\n";
        files["app/__init__.py"] = "";
        files["app/main.py"] = "from fastapi import FastAPI\nfrom app.core.config import get_app_settings\n\nsettings = get_app_settings()\napp = FastAPI()\n";
        using var tree = new TempTree(files);
        return Assert.Single(PythonServiceDetector.Scan(tree.Root).Services);
    }

    [Fact]
    public void Fields_of_a_subclass_in_another_module_are_the_apps_settings_and_required_without_a_default()
    {
        var profile = Scan(new()
        {
            ["app/core/settings/base.py"] = "from pydantic import BaseSettings\n\n\nclass BaseAppSettings(BaseSettings):\n    app_env: str = \"prod\"\n\n    class Config:\n        env_file = \".env\"\n",
            ["app/core/settings/app.py"] = "from pydantic import PostgresDsn, SecretStr\n\nfrom app.core.settings.base import BaseAppSettings\n\n\n" +
                                           "class AppSettings(BaseAppSettings):\n    debug: bool = False\n    database_url: PostgresDsn\n    secret_key: SecretStr\n    api_prefix: str = \"/api\"\n    jwt_token_prefix: str = \"Token\"\n",
            ["app/core/settings/production.py"] = "from app.core.settings.app import AppSettings\n\n\nclass ProdAppSettings(AppSettings):\n    class Config(AppSettings.Config):\n        env_file = \"prod.env\"\n",
            ["app/core/config.py"] = "from app.core.settings.production import ProdAppSettings\n\n\ndef get_app_settings():\n    return ProdAppSettings()\n",
        });
        Assert.True(Env(profile, "DATABASE_URL").Required);
        Assert.True(Env(profile, "DATABASE_URL").Secret);
        Assert.True(Env(profile, "SECRET_KEY").Required);
        Assert.True(Env(profile, "SECRET_KEY").Secret);
        Assert.False(Env(profile, "API_PREFIX").Required);
        Assert.False(Env(profile, "JWT_TOKEN_PREFIX").Secret);
        Assert.False(Env(profile, "APP_ENV").Required);
        Assert.Contains(profile.Notes, n => n.Contains("ProdAppSettings also reads 'prod.env'", StringComparison.Ordinal));
    }

    [Fact]
    public void Relative_imports_module_qualified_bases_and_package_re_exports_are_followed()
    {
        var profile = Scan(new()
        {
            ["app/core/__init__.py"] = "",
            ["app/core/settings/__init__.py"] = "from .base import Base as Base\n",
            ["app/core/settings/base.py"] = "from pydantic_settings import BaseSettings, SettingsConfigDict\n\n\nclass Base(BaseSettings):\n    model_config = SettingsConfigDict(env_prefix=\"SHOP_\")\n    region: str = \"eu\"\n",
            ["app/core/settings/api.py"] = "from . import base\n\n\nclass Api(base.Base):\n    token: str\n",
            ["app/core/config.py"] = "from app.core.settings import Base\n\n\nclass Worker(Base):\n    queue_url: str\n",
        });
        Assert.True(Env(profile, "SHOP_TOKEN").Required);
        Assert.True(Env(profile, "SHOP_QUEUE_URL").Required);
        Assert.False(Env(profile, "SHOP_REGION").Required);
    }

    [Fact]
    public void A_class_deriving_from_something_that_is_not_settings_stays_out()
    {
        var profile = Scan(new()
        {
            ["app/models.py"] = "from pydantic import BaseModel\n\n\nclass Item(BaseModel):\n    name: str\n    price_cents: int\n",
            ["app/schemas.py"] = "from app.models import Item\n\n\nclass ItemOut(Item):\n    id: int\n",
        });
        Assert.DoesNotContain(profile.Env, e => e.Name is "NAME" or "ID" or "PRICE_CENTS");
    }
}
