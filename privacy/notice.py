"""The store table of the privacy notice, generated from the registry and the periods in force."""

from django.utils.translation import gettext_lazy as _

from core import personal_data, retention_settings

# The retention settings as the notice names them (tests/privacy/test_notice.py checks the shown periods).
SETTING_LABELS = {
    "CHAT_RETENTION_DAYS": _("Chat messages (organisation default)"),
    "CHAT_CASUAL_RETENTION_DAYS": _("Chat messages in casual rooms"),
    "CHAT_ARCHIVE_DAYS": _("Removed chat messages in the archive"),
    "SEARCH_LOG_RETENTION_DAYS": _("Search log (no user is recorded)"),
    "NOTIFICATION_RETENTION_DAYS": _("Notifications"),
    "AUDIT_RETENTION_DAYS": _("Audit trail"),
    "PRIVACY_ERASE_AFTER_DAYS": _("A person's data after they have left"),
    "PRIVACY_EXPORT_HOURS": _("A “download my data” file"),
}


def store_table(periods: dict | None = None) -> list[dict]:
    periods = periods if periods is not None else retention_settings.in_force()
    rows = []
    for declaration in sorted(personal_data.DECLARATIONS.values(), key=lambda d: d.model):
        model = personal_data.model_of(declaration)
        rows.append(
            {
                "model": declaration.model,
                "kind": str(model._meta.verbose_name_plural),
                "purpose": str(declaration.purpose),
                "legal_basis": str(declaration.legal_basis),
                "retention": personal_data.retention_text(declaration, periods),
            }
        )
    return rows


def periods(in_force: dict | None = None) -> list[dict]:
    in_force = in_force if in_force is not None else retention_settings.in_force()
    return [
        {"setting": name, "label": str(label), "period": personal_data.period_in_force(name, in_force)}
        for name, label in SETTING_LABELS.items()
    ]


START, END = "<!-- stores:start (generated: tests/privacy/test_docs.py) -->", "<!-- stores:end -->"


def markdown_table() -> str:
    """The store table of docs/privacy.md, in English, with the setting that holds each period."""
    from django.utils import translation

    with translation.override("en"):
        lines = [
            "| store | why | legal basis | retention | on erasure |",
            "|-------|-----|-------------|-----------|------------|",
        ]
        for declaration in sorted(personal_data.DECLARATIONS.values(), key=lambda d: d.model):
            retention = str(declaration.retention)
            for name in personal_data.RETENTION_SETTINGS:
                retention = retention.replace(name, f"`{name}`")
            cells = [
                f"`{declaration.model}`",
                str(declaration.purpose),
                str(declaration.legal_basis),
                retention,
                declaration.erase,
            ]
            lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
        lines.append("")
        lines.append("Not personal data in the registry's sense (with the reason):")
        lines.append("")
        for label, reason in sorted(personal_data.NOT_PERSONAL.items()):
            lines.append(f"* `{label}`: {reason}")
    return "\n".join(lines)
