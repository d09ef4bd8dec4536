"""The instruction library: work instructions, onboarding material, administrative guidance,
forms and TE-akatemia courses in one place, with owners, review dates and audiences that are
real access control (docs/instructions.md)."""
