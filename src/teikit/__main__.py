"""``python -m teikit`` runs the command-line interface."""

from teikit.cli import main

if __name__ == "__main__":
    main()
