"""Entry point for ``python -m prdesk``."""

from prdesk.cli import main

if __name__ == "__main__":
    main()
