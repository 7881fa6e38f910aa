"""What the hypothesis fuzz tests share: how many examples, and the report of cases run."""

import pytest
from hypothesis import HealthCheck, settings

# Every example is one request or one import run: these numbers keep each fuzz file well under
# half a minute on a shared 2-core machine.
FUZZ = settings(
    max_examples=30,
    deadline=None,
    database=None,  # no example database: CI starts fresh, and nothing is left in the tree
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module", autouse=True)
def report_fuzz_cases(request):
    """The number of fuzz cases a module ran (its ``runs`` counter), shown at the end whatever
    pytest captures."""
    yield
    runs = getattr(request.module, "runs", None)
    plugins = request.config.pluginmanager
    reporter = plugins.get_plugin("terminalreporter")
    if runs is None or reporter is None:
        return
    with plugins.get_plugin("capturemanager").global_and_fixture_disabled():
        reporter.write_line(
            f"fuzz cases run by {request.module.__name__}: {sum(runs.values())} "
            f"({', '.join(f'{name} {count}' for name, count in sorted(runs.items()))})"
        )
