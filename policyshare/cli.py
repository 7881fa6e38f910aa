"""The ``policyshare`` command: Django's management commands, with the project's own
commands also reachable by their hyphenated names (``load-demo``, ``createadmin``, ``serve``)."""

import os
import sys


def main(argv=None):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policyshare.settings.embedded")
    from django.core.management import execute_from_command_line

    argv = list(sys.argv if argv is None else argv)
    argv[0] = "policyshare"  # how usage messages name the program, however it was started
    if len(argv) > 1 and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
