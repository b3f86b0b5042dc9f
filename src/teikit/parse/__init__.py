"""Plain text → model (placeholder; see docs/ARCHITECTURE.md)."""
