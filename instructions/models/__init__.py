"""Instruction library models, one module per subject (relationships: docs/instructions.md).

* taxonomy: Topic, ProcessArea (snippets with Finnish, Swedish and English names)
* pages: InstructionLibraryPage (/ohjeet/), InstructionPage, InstructionKind
* records: ChangeLogEntry, InstructionVisit, InstructionAttachment, Feedback, ErrorReport
* onboarding: OnboardingPath, OnboardingStep, OnboardingProgress
"""

from instructions.models.onboarding import OnboardingPath, OnboardingProgress, OnboardingStep
from instructions.models.pages import (
    AUDIENCE_FIELDS,
    EVERYONE,
    InstructionKind,
    InstructionLibraryPage,
    InstructionPage,
)
from instructions.models.records import (
    ChangeLogEntry,
    ErrorReport,
    Feedback,
    InstructionAttachment,
    InstructionVisit,
)
from instructions.models.taxonomy import ProcessArea, Topic

__all__ = [
    "AUDIENCE_FIELDS",
    "EVERYONE",
    "ChangeLogEntry",
    "ErrorReport",
    "Feedback",
    "InstructionAttachment",
    "InstructionKind",
    "InstructionLibraryPage",
    "InstructionPage",
    "InstructionVisit",
    "OnboardingPath",
    "OnboardingProgress",
    "OnboardingStep",
    "ProcessArea",
    "Topic",
]
