# SPDX-License-Identifier: EUPL-1.2
"""Append-only in the database: PostgreSQL refuses UPDATE, DELETE and TRUNCATE of audit events.

Plain SQL rather than django-pgtrigger: one function and two triggers need no new dependency
(SECURITY.md, the audit log). SQLite has no such triggers worth the name for this purpose; there
the chain's hashes and the signed checkpoints are the protection.

The one way past it is the session-local setting `raadsloket.audit_maintenance = 'on'`
(`SET LOCAL`, so it ends with the transaction), set only by audit.maintenance.allow_rewrite()
for restoring a backup (records/restore.py), which empties every table before loading. Approved
destruction lists delete cases, never audit events, and need no way past it.
"""

from django.db import migrations

FUNCTION = """
CREATE OR REPLACE FUNCTION raadsloket_audit_append_only() RETURNS trigger AS $$
BEGIN
    IF current_setting('raadsloket.audit_maintenance', true) = 'on' THEN
        IF TG_OP = 'DELETE' THEN
            RETURN OLD;
        END IF;
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'Auditregels kunnen niet worden gewijzigd of verwijderd (% geweigerd).', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""

CREATE = [
    FUNCTION,
    "CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_auditevent "
    "FOR EACH ROW EXECUTE FUNCTION raadsloket_audit_append_only();",
    "CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_auditevent "
    "FOR EACH STATEMENT EXECUTE FUNCTION raadsloket_audit_append_only();",
]

DROP = [
    "DROP TRIGGER IF EXISTS audit_event_no_truncate ON audit_auditevent;",
    "DROP TRIGGER IF EXISTS audit_event_append_only ON audit_auditevent;",
    "DROP FUNCTION IF EXISTS raadsloket_audit_append_only();",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("audit", "0004_chains")]

    operations = [migrations.RunPython(_run(CREATE), _run(DROP))]
