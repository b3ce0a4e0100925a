"""ketencli: the casusregisseur's toolkit for the Flemish chain approach to intrafamily violence."""

__version__ = "0.1.0"
