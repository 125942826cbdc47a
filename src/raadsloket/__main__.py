# SPDX-License-Identifier: EUPL-1.2
"""The `raadsloket` command: Django's management commands under one name.

`raadsloket policy check FILE`, `raadsloket audit-verify`, `raadsloket token USER`, ...
"""

import os
import sys

# Commands whose public name is not a valid module name.
ALIASES = {
    "audit-verify": "audit_verify",
    "audit-checkpoint": "audit_checkpoint",
    "audit-keygen": "audit_keygen",
    "audit-prove": "audit_prove",
    "register-import": "register_import",
    "council-term-install": "council_term_install",
    "council-term-due": "council_term_due",
}


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "raadsloket.settings")
    from django.core.management import execute_from_command_line

    argv = list(sys.argv)
    if len(argv) > 1:
        argv[1] = ALIASES.get(argv[1], argv[1])
    argv[0] = "raadsloket"
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
