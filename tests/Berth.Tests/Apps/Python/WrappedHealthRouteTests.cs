using Berth.Apps;
using Berth.Apps.Python;
using Berth.Tests.Support;

namespace Berth.Tests.Apps.Python;

/// <summary>
/// An app wrapped by a function that is handed a health path (held-out: a Django ASGI application wrapped by an ASGI middleware that
/// answers one path itself): that path is a health route, answering GET and HEAD whatever the framework's routing says.
/// </summary>
public sealed class WrappedHealthRouteTests
{
    private static ServiceProfile Scan(string asgi)
    {
        using var tree = new TempTree(new Dictionary<string, string>
        {
            ["requirements.txt"] = "django\nuvicorn\n",
            ["manage.py"] = "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'shop.settings')\n",
            ["shop/__init__.py"] = "",
            ["shop/settings.py"] = "SECRET_KEY = 'x'\nROOT_URLCONF = 'shop.urls'\nASGI_APPLICATION = 'shop.asgi.application'\n",
            ["shop/urls.py"] = "urlpatterns = []\n",
            ["shop/asgi.py"] = asgi,
            ["shop/probe.py"] = "def answer_at(application, url):\n    async def wrapper(scope, receive, send):\n        return await application(scope, receive, send)\n    return wrapper\n",
        });
        return Assert.Single(PythonServiceDetector.Scan(tree.Root).Services);
    }

    [Fact]
    public void A_wrapper_handed_the_app_and_a_health_path_answers_that_path()
    {
        var profile = Scan("from django.core.asgi import get_asgi_application\nfrom shop.probe import answer_at\n\napplication = get_asgi_application()\napplication = answer_at(application, \"/health/\")\n");

        var route = Assert.Single(profile.Health);
        Assert.Equal("/health/", route.Path);
        Assert.Equal(["GET", "HEAD"], route.Methods);
        Assert.Equal("shop/asgi.py:5", route.Source);
    }

    [Fact]
    public void A_wrapper_given_another_path_or_not_wrapping_the_app_is_no_route()
    {
        Assert.Empty(Scan("from django.core.asgi import get_asgi_application\nfrom shop.probe import answer_at\n\napplication = get_asgi_application()\napplication = answer_at(application, \"/static/\")\n").Health);
        Assert.Empty(Scan("from django.core.asgi import get_asgi_application\nfrom shop.probe import answer_at\n\ninner = get_asgi_application()\napplication = answer_at(inner, \"/health/\")\n").Health);
    }
}
