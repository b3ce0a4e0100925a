"""`python -m ketencli`."""

from ketencli.cli import main

if __name__ == "__main__":
    main()
