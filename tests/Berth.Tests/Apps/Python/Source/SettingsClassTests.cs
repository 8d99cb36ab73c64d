using Berth.Apps.Python.Source;

namespace Berth.Tests.Apps.Python.Source;

public sealed class SettingsClassTests
{
    private static IReadOnlyList<SettingsClass> Settings(string code) => PythonModuleReader.Read("settings.py", code).SettingsClasses;

    [Fact]
    public void Pydantic_v2_settings_with_model_config()
    {
        const string code = """
            from typing import ClassVar
            from pydantic import Field
            from pydantic_settings import BaseSettings, SettingsConfigDict

            class Settings(BaseSettings):
                model_config = SettingsConfigDict(env_prefix="APP_", env_file=".env", case_sensitive=True)

                database_url: str
                port: int = 8000
                debug: bool = False
                name: str = "svc"
                api_key: str = Field(validation_alias="API_TOKEN")
                required: str = Field(...)
                tags: list[str] = Field(default_factory=list)
                title: str = Field("x", alias="APP_TITLE")
                timeout: float = Field(default=2.5)
                _private: str = "p"
                registry: ClassVar[dict] = {}

                def method(self) -> str:
                    local: int = 1
                    return "x"

            settings = Settings()
            """;
        var settings = Assert.Single(Settings(code));

        Assert.Equal(("Settings", "APP_", true, ".env", 5), (settings.Name, settings.EnvPrefix, settings.CaseSensitive, settings.EnvFile, settings.Line));
        Assert.Equal(
            [
                new SettingsField("database_url", null, "str", false, null, 8),
                new SettingsField("port", null, "int", true, "8000", 9),
                new SettingsField("debug", null, "bool", true, "False", 10),
                new SettingsField("name", null, "str", true, "svc", 11),
                new SettingsField("api_key", "API_TOKEN", "str", false, null, 12),
                new SettingsField("required", null, "str", false, null, 13),
                new SettingsField("tags", null, "list[str]", true, null, 14),
                new SettingsField("title", "APP_TITLE", "str", true, "x", 15),
                new SettingsField("timeout", null, "float", true, "2.5", 16),
            ],
            settings.Fields);
    }

    [Fact]
    public void Pydantic_v1_settings_with_nested_config()
    {
        const string code = """
            from pydantic import BaseSettings, Field

            class Settings(BaseSettings):
                secret_key: str = Field(..., env="SECRET_KEY")
                redis_url: str = Field(env="REDIS")
                log_level: str = "info"

                class Config:
                    env_prefix = "SVC_"
                    env_file = ".env.local"
            """;
        var settings = Assert.Single(Settings(code));

        Assert.Equal(("SVC_", false, ".env.local"), (settings.EnvPrefix, settings.CaseSensitive, settings.EnvFile));
        Assert.Equal(
            [
                new SettingsField("secret_key", "SECRET_KEY", "str", false, null, 4),
                new SettingsField("redis_url", "REDIS", "str", false, null, 5),
                new SettingsField("log_level", null, "str", true, "info", 6),
            ],
            settings.Fields);
    }

    [Fact]
    public void Inherits_through_classes_in_the_same_file()
    {
        const string code = """
            import pydantic_settings as ps

            class Base(ps.BaseSettings):
                model_config = {"env_prefix": "BASE_"}
                a: int = 1

            class Child(Base):
                b: str
                a: int = 2

            class Unrelated:
                c: str
            """;
        var settings = Settings(code);

        Assert.Equal(["Base", "Child"], settings.Select(s => s.Name));
        Assert.Equal("BASE_", settings[1].EnvPrefix);
        Assert.Equal([("a", "2"), ("b", null)], settings[1].Fields.Select(f => (f.Name, f.Default)));
    }

    [Fact]
    public void Child_declared_before_parent_is_still_found()
    {
        const string code = """
            from pydantic_settings import BaseSettings
            class Child(Parent):
                x: int
            class Parent(BaseSettings):
                y: int
            """;
        Assert.Equal(["Child", "Parent"], Settings(code).Select(s => s.Name));
    }

    [Fact]
    public void Annotated_field_alias_and_class_keyword_config()
    {
        const string code = """
            from typing import Annotated
            from pydantic import Field
            from pydantic_settings import BaseSettings

            class S(BaseSettings, env_prefix="K_"):
                token: Annotated[str, Field(alias="TOKEN")]
                multi: dict[
                    str,
                    int,
                ] = {}
            """;
        var settings = Assert.Single(Settings(code));
        Assert.Equal("K_", settings.EnvPrefix);
        Assert.Equal(new SettingsField("token", "TOKEN", "Annotated[str, Field(alias=\"TOKEN\")]", false, null, 6), settings.Fields[0]);
        Assert.Equal(("dict[ str, int, ]", true), (settings.Fields[1].Annotation, settings.Fields[1].HasDefault));
    }

    [Theory]
    [InlineData("from pydantic import BaseModel\nclass M(BaseModel):\n    x: int\n")]
    [InlineData("class S(BaseSettingsLike):\n    x: int\n")]
    [InlineData("from mylib import BaseSettings\nclass S(BaseSettings):\n    x: int\n")]
    [InlineData("# class S(BaseSettings):\n#     x: int\n")]
    public void Not_a_settings_class(string code) => Assert.Empty(Settings(code));
}
