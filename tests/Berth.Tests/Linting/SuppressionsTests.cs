namespace Berth.Tests.Linting;

public sealed class SuppressionsTests
{
    [Fact]
    public void A_pragma_may_end_with_a_comment() => LintCase.Assert("BDF208", """
        FROM python:3.12-slim
        # hadolint ignore=DL3013 # the tools image always takes the newest httpie
        RUN pip install --no-cache-dir httpie
        # berth ignore=BDF208,BDF209   # same here
        RUN pip install ruff
        #! BDF208
        RUN pip install --no-cache-dir black
        """);

    [Fact]
    public void A_stage_pragma_covers_the_rest_of_its_stage_only() => LintCase.Assert("BDF208", """
        FROM python:3.12-slim AS tools
        RUN pip install --no-cache-dir httpie==3.2.4
        # hadolint stage ignore=DL3013
        RUN pip install --no-cache-dir ruff
        RUN pip install --no-cache-dir black
        FROM python:3.12-slim
        #! BDF208
        RUN pip install --no-cache-dir mypy
        """);

    [Fact]
    public void A_stage_pragma_before_from_covers_that_whole_stage() => LintCase.Assert("BDF208", """
        FROM python:3.12-slim AS builder
        #! BDF208
        RUN pip install --no-cache-dir build
        # berth stage ignore=BDF208
        FROM python:3.12-slim
        RUN pip install --no-cache-dir ruff
        RUN pip install --no-cache-dir black
        """);
}
