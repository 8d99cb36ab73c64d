using Berth.Apps.Python.Source;

namespace Berth.Tests.Apps.Python.Source;

public sealed class ImportTests
{
    [Fact]
    public void Reads_plain_dotted_and_aliased_imports()
    {
        var facts = PythonModuleReader.Read("m.py", "import os\nimport a.b as c, d\n");

        Assert.Collection(
            facts.Imports,
            i => Assert.Equal(("os", (string?)null, 1), (i.Module, i.Alias, i.Line)),
            i => Assert.Equal(("a.b", (string?)"c", 2), (i.Module, i.Alias, i.Line)),
            i => Assert.Equal(("d", (string?)null, 2), (i.Module, i.Alias, i.Line)));
    }

    [Fact]
    public void Reads_from_imports_with_aliases_and_parentheses()
    {
        var facts = PythonModuleReader.Read("m.py", "from a import (\n    b,\n    c as d,\n)\n");

        var import = Assert.Single(facts.Imports);
        Assert.Equal("a", import.Module);
        Assert.Equal([new ImportedName("b", null), new ImportedName("c", "d")], import.Names);
    }

    [Theory]
    [InlineData("from .x import y", ".x")]
    [InlineData("from . import y", ".")]
    [InlineData("from ..pkg.mod import y", "..pkg.mod")]
    [InlineData("from ... import y", "...")]
    public void Keeps_relative_module_dots(string code, string module)
    {
        var import = Assert.Single(PythonModuleReader.Read("m.py", code).Imports);
        Assert.Equal(module, import.Module);
        Assert.Equal("y", Assert.Single(import.Names).Name);
    }

    [Fact]
    public void Star_import_is_recorded()
    {
        var import = Assert.Single(PythonModuleReader.Read("m.py", "from fastapi import *\n").Imports);
        Assert.Equal("*", Assert.Single(import.Names).Name);
    }

    [Fact]
    public void Imports_in_comments_and_strings_are_ignored()
    {
        var facts = PythonModuleReader.Read("m.py", "# import os\nx = 'import sys'\n\"\"\"\nfrom flask import Flask\n\"\"\"\n");
        Assert.Empty(facts.Imports);
    }

    [Fact]
    public void Imports_inside_functions_and_try_blocks_count()
    {
        const string code = """
            try:
                import ujson as json
            except ImportError:
                import json

            def create_app():
                from flask import Flask
                return Flask(__name__)
            """;
        var facts = PythonModuleReader.Read("m.py", code);

        Assert.Equal(["ujson", "json", "flask"], facts.Imports.Select(i => i.Module));
        Assert.Equal("flask.Flask", Assert.Single(facts.Factories).Constructor);
    }

    [Fact]
    public void Inline_imports_after_a_colon_and_semicolons()
    {
        var facts = PythonModuleReader.Read("m.py", "try: import ujson as json\nexcept ImportError: import json; import os\n");
        Assert.Equal(["ujson", "json", "os"], facts.Imports.Select(i => i.Module));
    }
}
