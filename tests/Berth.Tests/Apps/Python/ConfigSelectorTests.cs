using Berth.Apps;
using Berth.Apps.Python;
using Berth.Tests.Support;

namespace Berth.Tests.Apps.Python;

/// <summary>
/// An env variable that picks the configuration: an Enum settings field keying a dict of settings classes (nsidnev's APP_ENV), a
/// Flask config dict chosen by <c>os.getenv("FLASK_CONFIG") or "default"</c> (miguelgrinberg/flasky), a dict built in a function
/// (teamhide's ENV), a <c>Literal[...]</c> field, and an <c>if ENV == "production":</c> chain.
/// </summary>
public sealed class ConfigSelectorTests
{
    private static ServiceProfile Scan(Dictionary<string, string> files, string requirements = "fastapi\nuvicorn\npydantic<2\n")
    {
        files["requirements.txt"] = requirements;
        using var tree = new TempTree(files);
        return Assert.Single(PythonServiceDetector.Scan(tree.Root).Services);
    }

    private static EnvVariable Env(ServiceProfile profile, string name) => Assert.Single(profile.Env, e => e.Name == name);

    private static readonly Dictionary<string, string> PydanticV1Settings = new()
    {
        ["app/__init__.py"] = "",
        ["app/core/settings/base.py"] =
            "from enum import Enum\n\nfrom pydantic import BaseSettings\n\n\nclass AppEnvTypes(Enum):\n    prod: str = \"prod\"\n    dev: str = \"dev\"\n    test: str = \"test\"\n\n\n" +
            "class BaseAppSettings(BaseSettings):\n    app_env: AppEnvTypes = AppEnvTypes.dev\n\n    class Config:\n        env_file = \".env\"\n",
        ["app/core/settings/app.py"] = "from app.core.settings.base import BaseAppSettings\n\n\nclass AppSettings(BaseAppSettings):\n    debug: bool = False\n    database_url: str\n",
        ["app/core/settings/production.py"] = "from app.core.settings.app import AppSettings\n\n\nclass ProdAppSettings(AppSettings):\n    class Config(AppSettings.Config):\n        env_file = \"prod.env\"\n",
        ["app/core/settings/development.py"] = "from app.core.settings.app import AppSettings\n\n\nclass DevAppSettings(AppSettings):\n    debug: bool = True\n",
        ["app/core/config.py"] =
            "from app.core.settings.base import AppEnvTypes, BaseAppSettings\nfrom app.core.settings.development import DevAppSettings\nfrom app.core.settings.production import ProdAppSettings\n\n" +
            "environments = {\n    AppEnvTypes.dev: DevAppSettings,\n    AppEnvTypes.prod: ProdAppSettings,\n}\n\n\ndef get_app_settings():\n    return environments[BaseAppSettings().app_env]()\n",
        ["app/main.py"] = "from fastapi import FastAPI\nfrom app.core.config import get_app_settings\n\nsettings = get_app_settings()\napp = FastAPI()\n",
    };

    [Fact]
    public void An_enum_settings_field_keying_a_dict_of_settings_classes_is_the_selector_with_its_member_values()
    {
        var profile = Scan(new(PydanticV1Settings));
        var selector = profile.PythonPart().ConfigSelector;
        Assert.NotNull(selector);
        Assert.Equal("APP_ENV", selector.Variable);
        Assert.Equal("dev", selector.Default);
        Assert.Equal(["prod", "dev", "test"], selector.Choices);
        Assert.Equal("prod", selector.ProductionChoice);
        Assert.False(selector.DefaultIsProduction);
        Assert.Equal("DevAppSettings", selector.DefaultPicks);
        Assert.Equal("app/core/config.py:5", selector.ChoicesSource);
        // the field's own line in its own module, not the subclass's
        Assert.Equal("app/core/settings/base.py:13", selector.Source);
        Assert.Equal("app/core/settings/base.py:13", Env(profile, "APP_ENV").Source);
        Assert.Equal("prod", Env(profile, "APP_ENV").Default); // the production value: .env.example and the ConfigMap must not undo the image's ENV
        Assert.Equal(["prod", "dev", "test"], Env(profile, "APP_ENV").Choices!);
        Assert.Equal([".env", "prod.env"], profile.PythonPart().SettingsEnvFiles!);
        Assert.Contains(profile.Notes, n => n.StartsWith("app/core/settings/base.py:13: APP_ENV selects the configuration; left unset it is 'dev' (DevAppSettings)", StringComparison.Ordinal));
    }

    [Fact]
    public void An_enum_default_that_is_already_production_needs_nothing_set()
    {
        var files = new Dictionary<string, string>(PydanticV1Settings);
        files["app/core/settings/base.py"] = files["app/core/settings/base.py"].Replace("AppEnvTypes.dev\n", "AppEnvTypes.prod\n", StringComparison.Ordinal);
        var profile = Scan(files);
        var selector = profile.PythonPart().ConfigSelector!;
        Assert.True(selector.DefaultIsProduction);
        Assert.False(selector.ImageMustSet);
        Assert.Equal("prod", Env(profile, "APP_ENV").Default);
        Assert.DoesNotContain(profile.Notes, n => n.Contains("selects the configuration", StringComparison.Ordinal));
    }

    [Fact]
    public void Enum_member_defaults_resolve_to_their_value_for_every_settings_field()
    {
        var profile = Scan(new()
        {
            ["app/settings.py"] = "from enum import Enum\n\nfrom pydantic_settings import BaseSettings, SettingsConfigDict\n\n\nclass LogLevel(str, Enum):\n    info = \"INFO\"\n    debug = \"DEBUG\"\n\n\n" +
                                  "class Settings(BaseSettings):\n    model_config = SettingsConfigDict(env_file=\".env.production\")\n    log_level: LogLevel = LogLevel.info\n",
            ["app/main.py"] = "from fastapi import FastAPI\n\napp = FastAPI()\n",
        }, "fastapi\nuvicorn\npydantic-settings\n");
        Assert.Equal("INFO", Env(profile, "LOG_LEVEL").Default);
        Assert.Null(profile.PythonPart().ConfigSelector); // LOG_LEVEL does not name an environment and no dict is keyed by LogLevel
    }

    [Fact]
    public void A_flask_config_dict_chosen_by_an_or_fallback_runs_development_unless_the_variable_is_set()
    {
        var profile = Scan(new()
        {
            ["config.py"] = "class Config:\n    pass\n\n\nclass DevelopmentConfig(Config):\n    DEBUG = True\n\n\nclass ProductionConfig(Config):\n    DEBUG = False\n\n\n" +
                            "config = {\n    'development': DevelopmentConfig,\n    'production': ProductionConfig,\n    'default': DevelopmentConfig,\n}\n",
            ["app/__init__.py"] = "from flask import Flask\nfrom config import config\n\n\ndef create_app(name):\n    app = Flask(__name__)\n    app.config.from_object(config[name])\n    return app\n",
            ["wsgi.py"] = "import os\nfrom app import create_app\n\napp = create_app(os.getenv('FLASK_CONFIG') or 'default')\n",
        }, "flask\ngunicorn\n");
        var selector = profile.PythonPart().ConfigSelector!;
        Assert.Equal("FLASK_CONFIG", selector.Variable);
        Assert.Equal("default", selector.Default);
        Assert.Equal("DevelopmentConfig", selector.DefaultPicks);
        Assert.Equal("production", selector.ProductionChoice);
        Assert.True(selector.ImageMustSet);
        Assert.Equal("wsgi.py:4", selector.Source);
        Assert.Equal(["development", "production", "default"], Env(profile, "FLASK_CONFIG").Choices!);
        Assert.Equal("production", Env(profile, "FLASK_CONFIG").Default);
    }

    [Fact]
    public void A_default_key_that_maps_to_the_production_class_is_production()
    {
        var profile = Scan(new()
        {
            ["config.py"] = "class DevelopmentConfig:\n    pass\n\n\nclass ProductionConfig:\n    pass\n\n\nconfigs = {'dev': DevelopmentConfig, 'live2': ProductionConfig, 'default': ProductionConfig}\n",
            ["wsgi.py"] = "import os\nfrom flask import Flask\nfrom config import configs\n\napp = Flask(__name__)\napp.config.from_object(configs[os.environ.get('APP_CONFIG', 'default')])\n",
        }, "flask\n");
        var selector = profile.PythonPart().ConfigSelector!;
        Assert.Equal("live2", selector.ProductionChoice);
        Assert.True(selector.DefaultIsProduction);
        Assert.Equal("default", Env(profile, "APP_CONFIG").Default);
    }

    [Fact]
    public void A_dict_of_instances_built_in_a_function_is_a_table_of_configurations()
    {
        var profile = Scan(new()
        {
            ["core/config.py"] = "import os\n\nfrom pydantic_settings import BaseSettings\n\n\nclass Config(BaseSettings):\n    ENV: str = \"development\"\n    DEBUG: bool = True\n\n\n" +
                                 "class LocalConfig(Config):\n    ...\n\n\nclass ProductionConfig(Config):\n    DEBUG: bool = False\n\n\n" +
                                 "def get_config():\n    env = os.getenv(\"ENV\", \"local\")\n    config_type = {\n        \"local\": LocalConfig(),\n        \"prod\": ProductionConfig(),\n    }\n    return config_type[env]\n",
            ["app/main.py"] = "from fastapi import FastAPI\n\napp = FastAPI()\n",
        }, "fastapi\nuvicorn\npydantic-settings\n");
        var selector = profile.PythonPart().ConfigSelector!;
        Assert.Equal("ENV", selector.Variable);
        Assert.Equal("local", selector.Default);
        Assert.Equal("LocalConfig", selector.DefaultPicks);
        Assert.Equal("prod", selector.ProductionChoice);
        Assert.Equal("core/config.py:20", selector.Source);
    }

    [Fact]
    public void An_if_chain_on_a_module_variable_read_from_the_environment_is_a_selector()
    {
        var profile = Scan(new()
        {
            ["app/settings.py"] = "import os\n\nENV = os.getenv(\"ENV\", \"development\")\n\nif ENV == \"production\":\n    DEBUG = False\nelif ENV == \"testing\":\n    DEBUG = True\nelse:\n    DEBUG = True\n",
            ["app/main.py"] = "from fastapi import FastAPI\nfrom app import settings\n\napp = FastAPI(debug=settings.DEBUG)\n",
        });
        var selector = profile.PythonPart().ConfigSelector!;
        Assert.Equal("ENV", selector.Variable);
        Assert.Equal("development", selector.Default);
        Assert.Equal(["production", "testing", "development"], selector.Choices);
        Assert.Equal("production", selector.ProductionChoice);
        Assert.Equal("app/settings.py:5", selector.Source);
        Assert.Equal("production", Env(profile, "ENV").Default);
    }

    [Fact]
    public void A_literal_settings_field_lists_its_choices()
    {
        var profile = Scan(new()
        {
            ["app/conf.py"] = "from typing import Literal\n\nfrom pydantic_settings import BaseSettings\n\n\nclass Settings(BaseSettings):\n    ENVIRONMENT: Literal['dev', 'prod'] = 'prod'\n",
            ["app/main.py"] = "from fastapi import FastAPI\n\napp = FastAPI()\n",
        }, "fastapi\nuvicorn\npydantic-settings\n");
        var selector = profile.PythonPart().ConfigSelector!;
        Assert.Equal(["dev", "prod"], selector.Choices);
        Assert.True(selector.DefaultIsProduction);
    }

    [Fact]
    public void A_required_selector_without_a_default_is_left_to_the_deployment()
    {
        var profile = Scan(new()
        {
            ["app/conf.py"] = "from typing import Literal\n\nfrom pydantic_settings import BaseSettings\n\n\nclass Settings(BaseSettings):\n    ENVIRONMENT: Literal['dev', 'prod']\n",
            ["app/main.py"] = "from fastapi import FastAPI\n\napp = FastAPI()\n",
        }, "fastapi\nuvicorn\npydantic-settings\n");
        var selector = profile.PythonPart().ConfigSelector!;
        Assert.Equal("prod", selector.ProductionChoice);
        Assert.False(selector.ImageMustSet);
        Assert.True(Env(profile, "ENVIRONMENT").Required);
        Assert.Null(Env(profile, "ENVIRONMENT").Default);
        Assert.Contains(profile.Notes, n => n == "app/conf.py:7: ENVIRONMENT selects the configuration (one of dev, prod) and the code has no default: give ENVIRONMENT=prod to the production deployment");
    }

    [Fact]
    public void An_env_file_named_by_an_f_string_is_kept_as_a_glob()
    {
        var profile = Scan(new()
        {
            ["app/settings.py"] = "import os\n\nfrom pydantic import BaseSettings\n\nAPP_ENV = os.getenv(\"APP_ENV\", \"dev\")\n\n\n" +
                                  "class Settings(BaseSettings):\n    title: str = \"shop\"\n\n    class Config:\n        env_file = f\"config/{APP_ENV}.env\"\n",
            ["app/main.py"] = "from fastapi import FastAPI\n\napp = FastAPI()\n",
        });
        Assert.Equal(["config/*.env"], profile.PythonPart().SettingsEnvFiles!);
    }

    [Fact]
    public void A_dict_of_unrelated_names_is_not_a_configuration_table()
    {
        var profile = Scan(new()
        {
            ["app/main.py"] = "import os\nfrom fastapi import FastAPI\n\nHANDLERS = {'csv': print, 'json': repr}\nMODE_CONFIG = os.getenv('EXPORT_CONFIG', 'csv')\napp = FastAPI()\n",
        });
        Assert.Null(profile.PythonPart().ConfigSelector);
    }
}
