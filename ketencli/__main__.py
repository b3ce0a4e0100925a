"""`python -m ketencli`."""

from ketencli.start import main

if __name__ == "__main__":
    main()
