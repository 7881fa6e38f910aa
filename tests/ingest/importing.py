"""Running ``policyshare import`` in tests: its output, its errors, its exit."""

import io

from django.core.management import CommandError, call_command


def run_import(*args):
    """(stdout, stderr, error message or None) of one run."""
    output, errors = io.StringIO(), io.StringIO()
    try:
        call_command("import", *map(str, args), stdout=output, stderr=errors)
    except CommandError as error:
        return output.getvalue(), errors.getvalue(), str(error)
    return output.getvalue(), errors.getvalue(), None
