"""The method (CO3 guide) as data and pure functions: no I/O, no printing."""
