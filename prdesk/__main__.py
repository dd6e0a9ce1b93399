"""Entry point for ``python -m prdesk``."""

from prdesk.entry import main

if __name__ == "__main__":
    main()
