using Berth.Apps;
using Berth.Apps.Python;
using Berth.Tests.Support;

namespace Berth.Tests.Apps.Python;

/// <summary>
/// Writable paths followed through the forms real repositories write them in (issue 13): path constants imported from another
/// module, <c>Path(__file__)</c> folders, f-strings, <c>os.getenv</c> defaults, Flask config keys; only what is written counts.
/// </summary>
public sealed class WritablePathTests
{
    private static ServiceProfile Scan(IReadOnlyDictionary<string, string> files)
    {
        using var tree = new TempTree(files);
        return Assert.Single(PythonServiceDetector.Scan(tree.Root).Services);
    }

    [Fact]
    public void Path_constants_imported_from_another_module_are_followed_to_the_writes_and_read_only_folders_are_not_reported()
    {
        var journal = Assert.Single(PythonServiceDetector.Scan(RepoPaths.Fixture("writable-journal")).Services);

        Assert.Equal(["data", "data/journal.db", "log"], journal.WritablePaths.Select(w => w.Path));
        Assert.Contains(journal.WritablePaths, w => w is { Path: "log", Source: "journal/logs.py:7" } && w.Reason == "created with Path.mkdir()");
        Assert.Contains(journal.WritablePaths, w => w is { Path: "data/journal.db", Source: "journal/app.py:11" } && w.Reason.StartsWith("SQLite database", StringComparison.Ordinal));
        Assert.DoesNotContain(journal.WritablePaths, w => w.Path.Contains("templates", StringComparison.Ordinal) || w.Path.Contains("static", StringComparison.Ordinal));
    }

    [Fact]
    public void A_folder_above_a_module_in_a_subfolder_is_placed_relative_to_the_service_folder()
    {
        var profile = Scan(new Dictionary<string, string>
        {
            ["requirements.txt"] = "fastapi\nuvicorn\nloguru\n",
            ["backend/__init__.py"] = "",
            ["backend/core/__init__.py"] = "",
            ["backend/core/path_conf.py"] = "from pathlib import Path\n\nBASE_PATH = Path(__file__).resolve().parent.parent\nLOG_DIR = BASE_PATH / 'log'\nSTATIC_DIR = BASE_PATH / 'static'\nUPLOAD_DIR = STATIC_DIR / 'upload'\nLOCALE_DIR = BASE_PATH / 'locale'\n",
            ["backend/common/__init__.py"] = "",
            ["backend/common/log.py"] = "import os\nfrom loguru import logger\nfrom backend.core.path_conf import LOG_DIR\n\ndef setup(name):\n    if not os.path.exists(LOG_DIR):\n        os.mkdir(LOG_DIR)\n    logger.add(str(LOG_DIR / f'{name}.log'))\n",
            ["backend/core/registrar.py"] = "import os\nfrom fastapi.staticfiles import StaticFiles\nfrom backend.core import path_conf\nfrom backend.core.path_conf import STATIC_DIR, UPLOAD_DIR\n\ndef register(app):\n    os.makedirs(UPLOAD_DIR, exist_ok=True)\n    app.mount('/static', StaticFiles(directory=STATIC_DIR))\n    with open(path_conf.LOCALE_DIR / 'zh.json') as f:\n        f.read()\n",
            ["backend/main.py"] = "from fastapi import FastAPI\nfrom backend.core.registrar import register\n\napp = FastAPI()\nregister(app)\n",
        });

        Assert.Equal(["backend/log", "backend/static/upload"], profile.WritablePaths.Select(w => w.Path));
        Assert.Contains(profile.WritablePaths, w => w is { Path: "backend/log", Source: "backend/common/log.py:7" });
    }

    [Fact]
    public void A_sqlite_url_built_with_joinpath_in_a_getenv_default_is_the_database_file_beside_the_module()
    {
        var profile = Scan(new Dictionary<string, string>
        {
            ["requirements.txt"] = "flask\n",
            ["project/__init__.py"] = "",
            ["project/app.py"] = "import os\nfrom pathlib import Path\nfrom flask import Flask\n\nbasedir = Path(__file__).resolve().parent\nDATABASE = 'flaskr.db'\nurl = os.getenv('DATABASE_URL', f'sqlite:///{Path(basedir).joinpath(DATABASE)}')\napp = Flask(__name__)\n",
        });

        var database = Assert.Single(profile.WritablePaths);
        Assert.Equal(new WritablePath("project/flaskr.db", "SQLite database (its folder needs write access for the journal)", "project/app.py:7"), database);
    }

    [Fact]
    public void An_fstring_on_an_env_variable_is_the_working_folder_when_the_repository_sets_it_to_the_workdir_and_a_note_otherwise()
    {
        var files = new Dictionary<string, string>
        {
            ["services/web/requirements.txt"] = "flask\n",
            ["services/web/project/__init__.py"] = "import os\nfrom flask import Flask, request\nfrom werkzeug.utils import secure_filename\n\napp = Flask(__name__)\napp.config.from_object('project.config.Config')\n\n@app.post('/upload')\ndef upload():\n    file = request.files['file']\n    file.save(os.path.join(app.config['MEDIA_FOLDER'], secure_filename(file.filename)))\n    return ''\n",
            ["services/web/project/config.py"] = "import os\n\nclass Config(object):\n    STATIC_FOLDER = f\"{os.getenv('APP_FOLDER')}/project/static\"\n    MEDIA_FOLDER = f\"{os.getenv('APP_FOLDER')}/project/media\"\n",
        };
        var unknown = Scan(files);
        Assert.Empty(unknown.WritablePaths);
        Assert.Contains(unknown.Notes, n => n.StartsWith("the app writes under $APP_FOLDER/project/media (files saved there (file.save()), services/web/project/__init__.py:11)", StringComparison.Ordinal));

        var stated = Scan(new Dictionary<string, string>(files)
        {
            ["services/web/Dockerfile"] = "FROM python:3.11-slim\nENV APP_HOME=/home/app/web\nWORKDIR $APP_HOME\nCOPY . .\n",
            [".env.prod-sample"] = "FLASK_APP=project/__init__.py\nAPP_FOLDER=/home/app/web\n",
        });
        var media = Assert.Single(stated.WritablePaths);
        Assert.Equal(new WritablePath("project/media", "files saved there (file.save())", "services/web/project/__init__.py:11"), media);
    }

    [Fact]
    public void Writes_of_scripts_cli_and_development_configs_and_into_the_code_folders_are_not_the_service_s()
    {
        var profile = Scan(new Dictionary<string, string>
        {
            ["requirements.txt"] = "flask\n",
            ["app.py"] = "import os\nfrom pathlib import Path\nfrom flask import Flask\n\napp = Flask(__name__)\nHERE = Path(__file__).resolve().parent\n\n@app.post('/generate')\ndef generate():\n    with open(HERE / 'pages' / 'generated.py', 'w') as f:\n        f.write('')\n    return ''\n",
            ["pages/__init__.py"] = "",
            ["config.py"] = "import os\nbasedir = os.path.abspath(os.path.dirname(__file__))\n\nclass DevelopmentConfig:\n    SQLALCHEMY_DATABASE_URI = 'sqlite:///' + os.path.join(basedir, 'data-dev.sqlite')\n\nclass ProductionConfig:\n    SQLALCHEMY_DATABASE_URI = os.environ.get('DATABASE_URL') or 'sqlite:///' + os.path.join(basedir, 'data.sqlite')\n    SQL_ENGINE = os.environ.get('SQL_ENGINE', 'django.db.backends.sqlite3')\n",
            ["scripts/changelog.py"] = "from pathlib import Path\nPath('CHANGELOG.md').write_text('')\n",
            ["cli.py"] = "from pathlib import Path\n\ndef init():\n    Path('.env').write_text('')\n",
            ["tools/toc.py"] = "def main():\n    with open('README.md', 'w') as f:\n        f.write('')\n\nif __name__ == '__main__':\n    main()\n",
        });

        Assert.Equal(["data.sqlite"], profile.WritablePaths.Select(w => w.Path));
        Assert.Contains(profile.Notes, n => n.StartsWith("the app writes into pages, a folder of its own source code", StringComparison.Ordinal));
    }
}
