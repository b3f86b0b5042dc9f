"""Model → TEI (placeholder; see docs/ARCHITECTURE.md)."""
